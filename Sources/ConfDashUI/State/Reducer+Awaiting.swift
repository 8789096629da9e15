import ConfDashCore

/// Before the first schedule (`--data URL` with nothing cached, fetched in the background): the
/// keys that need no schedule work — quit, help, language, the `:` line (`:open` another file
/// or URL, `:q`) — R fetches again after a failure, and every other key says there is nothing
/// to act on yet instead of acting on an empty dataset.
extension Reducer {
    func runAwaiting(_ command: Command, _ awaiting: AwaitedSchedule, _ state: inout AppState) -> [Effect] {
        switch command {
        case .quit, .toggleLanguage, .setLanguage, .showHelp, .startCommandLine, .cancel:
            return run(command, &state)
        case .moveUp, .moveDown, .pageUp, .pageDown, .moveTop, .moveBottom:
            // They scroll the help when it is open; with nothing else to move in, they say why.
            guard state.overlay != nil else {
                state.message = .live(.noScheduleYet(awaiting.shown))
                return []
            }
            return run(command, &state)
        case .open(let location, let format):
            // What R tries again from now on, if this fails too.
            if state.live.opening == nil && !state.live.reloading {
                state.live.awaiting = AwaitedSchedule(location: location, format: format)
            }
            return run(command, &state)
        case .reload:
            // After a failure, R tries the same URL again; while it runs, R waits for it.
            guard awaiting.failure != nil, state.live.opening == nil else {
                state.message = .live(.stillOpening(awaiting.shown))
                return []
            }
            state.live.awaiting?.failure = nil
            return runOpen(awaiting.location, format: awaiting.format, &state)
        default:
            state.message = .live(.noScheduleYet(awaiting.shown))
            return []
        }
    }
}

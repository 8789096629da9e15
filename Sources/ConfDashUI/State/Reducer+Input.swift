import ConfDashScreen
import Foundation
import ConfDashCore

extension Reducer {
    /// Keys typed into the `/` search or the `:` command line.
    func editInput(_ edit: LineEdit, _ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .normal:
            return []
        case .search(var input):
            if edit == .historyPrevious || edit == .historyNext {
                input.recall(older: edit == .historyPrevious, from: state.history.searches)
                state.mode = .search(input)
                state.agenda = ListPosition()
                return []
            }
            if edit == .submit {
                state.history.searches = InputHistory.recording(input.text, in: state.history.searches)
                state.mode = .normal
                state.apply(.search(input.text.trimmingCharacters(in: .whitespaces)))
                if input.text.trimmingCharacters(in: .whitespaces).isEmpty { state.remove(.search) }
                state.focus = .agenda
                followSearchMatch(&state)
                return []
            }
            input.apply(edit)
            state.mode = .search(input)
            // Incremental: the agenda lists the matches as they are typed, from the first one.
            state.agenda = ListPosition()
            return []
        case .command(var input):
            switch edit {
            case .submit:
                state.mode = .normal
                state.history.commands = InputHistory.recording(input.text, in: state.history.commands)
                switch CommandTable.parse(input.text) {
                case .empty: return []
                case .error(let message): state.message = message; return []
                case .command(let command): return run(command, &state)
                }
            case .complete, .completeBackward:
                complete(&input, backward: edit == .completeBackward, language: state.language)
            case .historyPrevious, .historyNext:
                input.recall(older: edit == .historyPrevious, from: state.history.commands)
            default:
                input.apply(edit)
                input.completions = []
                input.completionIndex = nil
            }
            state.mode = .command(input)
            return []
        }
    }

    /// Tab on the command line: the first Tab completes as far as all candidates agree (or shows
    /// them all); further Tabs cycle through them.
    private func complete(_ input: inout LineInput, backward: Bool, language: Language) {
        if !input.completions.isEmpty {
            let count = input.completions.count
            let next = ((input.completionIndex ?? (backward ? 0 : -1)) + (backward ? -1 : 1) + count) % count
            input.completionIndex = next
            input.text = input.completions[next]
            input.cursor = input.text.count
            return
        }
        let candidates = CommandTable.completions(for: input.text, context: CompletionContext(data: data, language: language, environment: environment))
        if candidates.count == 1 {
            input.text = candidates[0]
            input.cursor = input.text.count
        } else if candidates.count > 1 {
            input.completions = candidates
            input.completionIndex = nil
            let common = candidates.dropFirst().reduce(candidates[0]) { $0.commonPrefix(with: $1) }
            if common.count > input.text.count { input.text = common; input.cursor = common.count }
        }
    }
}

extension LineInput {
    mutating func apply(_ edit: LineEdit) {
        var characters = Array(text)
        cursor = min(max(cursor, 0), characters.count)
        switch edit {
        case .insert(let c): characters.insert(c, at: cursor); cursor += 1
        case .deleteBackward: if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteForward: if cursor < characters.count { characters.remove(at: cursor) }
        case .moveLeft: cursor = max(cursor - 1, 0)
        case .moveRight: cursor = min(cursor + 1, characters.count)
        case .moveHome: cursor = 0
        case .moveEnd: cursor = characters.count
        case .clear: characters = []; cursor = 0
        case .complete, .completeBackward, .historyPrevious, .historyNext, .submit: break
        }
        text = String(characters)
    }
}

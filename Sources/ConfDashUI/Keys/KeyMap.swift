import ConfDashScreen
import ConfDashCore

/// Where a binding applies. In normal mode a pane's own bindings and the global ones are both
/// live; an overlay or an input line has its own set and nothing else.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    case global
    case pane(PaneID)
    /// The agenda pane showing its room grid (r): arrows move across rooms instead of days.
    case roomGrid
    case detail, help, trackPicker, search, command
    /// My agenda (m), a free gap's sessions, now and next (.).
    case personal
    /// What the last reload changed (C).
    case changes

    public static let allCases: [KeyContext] =
        [.global] + PaneID.allCases.map { .pane($0) } + [.roomGrid, .detail, .help, .trackPicker, .search, .command, .personal, .changes]
}

/// What a binding does: a command, or an edit of the text input.
public enum BoundAction: Hashable, Sendable {
    case command(Command)
    case edit(LineEdit)
}

/// One row of the key map: the keys, what they do, and the words that explain it.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var action: BoundAction
    public var context: KeyContext
    /// Shown in the help overlay.
    public var help: LocalizedText
    /// Shown in the status bar when set: a word or two.
    public var hint: LocalizedText?
    /// How the status bar writes the keys when one hint stands for a pair ("← →" for previous/next day).
    public var hintLabel: String?
    /// When the binding makes sense for the state and data shown (nil: always). The status bar
    /// offers no hint for a disabled binding, as for the room grid of an event with no clock times.
    public var enabledWhen: (@Sendable (AppState, DashboardData) -> Bool)?

    /// Whether the binding applies to what is on screen now.
    public func isEnabled(_ state: AppState, _ data: DashboardData) -> Bool { enabledWhen?(state, data) ?? true }

    /// The keys as the help overlay and the user guide list them.
    public func label() -> String { keys.map(KeyMap.displayName).joined(separator: " ") }
}

/// The dashboard's keys as data. The dispatcher reads it, the help overlay and the status-bar
/// hints are generated from it, and tests check it: nothing about keys is written twice.
public struct KeyMap: Sendable {
    public let bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    public func bindings(in context: KeyContext) -> [KeyBinding] { bindings.filter { $0.context == context } }

    /// The bindings live in a context: a pane's plus the global ones in normal mode.
    public func live(in context: KeyContext) -> [KeyBinding] {
        if case .pane = context { return bindings(in: context) + bindings(in: .global) }
        if context == .roomGrid { return bindings(in: .roomGrid) + bindings(in: .global) }
        return bindings(in: context)
    }

    public func action(for key: Key, in context: KeyContext) -> BoundAction? {
        live(in: context).first { $0.keys.contains(key) }?.action
    }

    /// Keys as the help shows them: arrows as arrows, the rest by their tmux names.
    static func displayName(_ key: Key) -> String {
        switch key {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .control(let c): return "Ctrl-\(c.uppercased())"
        default: return key.description
        }
    }

    public static let standard = KeyMap(bindings: globalBindings + paneBindings + overlayBindings + inputBindings)
}

private func bind(_ keys: [Key], _ command: Command, _ context: KeyContext, _ en: String, _ fr: String,
                  hint: (String, String)? = nil, label: String? = nil,
                  enabled: (@Sendable (AppState, DashboardData) -> Bool)? = nil) -> KeyBinding {
    KeyBinding(keys: keys, action: .command(command), context: context, help: LocalizedText(en: en, fr: fr),
               hint: hint.map { LocalizedText(en: $0.0, fr: $0.1) }, hintLabel: label, enabledWhen: enabled)
}

/// The room grid needs clock times: the selected event must have some.
private let eventHasClockTimes: @Sendable (AppState, DashboardData) -> Bool = { state, data in
    state.selectedEvent.map { data.timedEvents.contains($0.rawValue) } ?? false
}

/// The timeline's event bars (not one event's days × hours, where ← → move the hour and the
/// zoom does not apply): only then do the "← → event" and "+ zoom" hints say what the keys do.
private let timelineShowsEvents: @Sendable (AppState, DashboardData) -> Bool = { state, data in data.dayHours(state) == nil }

/// R reads the schedule again: a file or URL, not the built-in dataset.
private let scheduleCanReload: @Sendable (AppState, DashboardData) -> Bool = { state, _ in state.live.source != nil }

private func edit(_ keys: [Key], _ edit: LineEdit, _ context: KeyContext, _ en: String, _ fr: String,
                  hint: (String, String)? = nil) -> KeyBinding {
    KeyBinding(keys: keys, action: .edit(edit), context: context, help: LocalizedText(en: en, fr: fr),
               hint: hint.map { LocalizedText(en: $0.0, fr: $0.1) })
}

/// The six keys that move through a list or scroll a text (↑ k, ↓ j, PgUp, PgDn, Home g, End G):
/// the same keys in every context that has them, with words that say what moves.
private struct Movement {
    var up: (String, String)
    var down: (String, String)
    var hint: (String, String) = ("move", "bouger")
    var first: (String, String)
    var last: (String, String)

    /// A text that scrolls (details, help).
    static let scrolling = Movement(up: ("Scroll up", "Défiler vers le haut"), down: ("Scroll down", "Défiler vers le bas"),
                                    hint: ("scroll", "défiler"), first: ("Top", "Début"), last: ("Bottom", "Fin"))
}

private func moving(_ context: KeyContext, _ words: Movement) -> [KeyBinding] {
    [
        bind([.up, .character("k")], .moveUp, context, words.up.0, words.up.1),
        bind([.down, .character("j")], .moveDown, context, words.down.0, words.down.1, hint: words.hint, label: "↑ ↓"),
        bind([.pageUp], .pageUp, context, "Page up", "Page précédente"),
        bind([.pageDown], .pageDown, context, "Page down", "Page suivante"),
        bind([.home, .character("g")], .moveTop, context, words.first.0, words.first.1),
        bind([.end, .character("G")], .moveBottom, context, words.last.0, words.last.1),
    ]
}

private let globalBindings: [KeyBinding] = [
    bind([.character("?")], .showHelp, .global, "Help: every key of this pane", "Aide : toutes les touches de ce volet", hint: ("help", "aide")),
    bind([.tab], .focusNext, .global, "Next pane", "Volet suivant", hint: ("pane", "volet")),
    bind([.backTab], .focusPrevious, .global, "Previous pane", "Volet précédent"),
    bind([.character("1")], .focus(.agenda), .global, "Agenda pane", "Volet programme"),
    bind([.character("2")], .focus(.timeline), .global, "Timeline pane", "Volet chronologie"),
    bind([.character("3")], .focus(.regions), .global, "Regions pane", "Volet régions"),
    bind([.character("4")], .focus(.technologies), .global, "Technologies pane", "Volet technologies"),
] + moving(.global, Movement(up: ("Move up", "Monter"), down: ("Move down", "Descendre"),
                              first: ("First row", "Première ligne"), last: ("Last row", "Dernière ligne"))) + [
    bind([.character("[")], .previousEvent, .global, "Previous event", "Événement précédent"),
    bind([.character("]")], .nextEvent, .global, "Next event", "Événement suivant", hint: ("event", "événement"), label: "[ ]",
         enabled: { _, data in data.events.count > 1 }),
    // Offered only where there is a track to choose (the picker itself says when there is none).
    bind([.character("t")], .openTrackPicker, .global, "Choose tracks (several at once; every event)", "Choisir des thèmes (plusieurs ; tous les événements)", hint: ("tracks", "thèmes"),
         enabled: { _, data in !data.index.dataset.tracks.isEmpty }),
    bind([.character("/")], .startSearch, .global, "Search all events (case and accents ignored; ↑ earlier searches)", "Chercher dans tous les événements (sans casse ni accents ; ↑ historique)", hint: ("search", "chercher")),
    bind([.character("n")], .nextMatch, .global, "Next search match", "Résultat suivant"),
    bind([.character("N")], .previousMatch, .global, "Previous search match", "Résultat précédent"),
    bind([.escape], .cancel, .global, "Clear the last filter", "Retirer le dernier filtre"),
    bind([.character("x")], .clearFilters, .global, "Clear all filters", "Effacer tous les filtres", hint: ("clear", "effacer")),
    bind([.character("L")], .toggleLanguage, .global, "Français / English", "Français / English", hint: ("français", "English")),
    bind([.character("z")], .toggleMaximize, .global, "Maximise the focused pane (again: back)", "Agrandir le volet actif (à nouveau : revenir)", hint: ("max", "agrandir")),
    bind([.character("T")], .toggleTimeZone, .global, "Times in the event's time zone / in yours", "Heures dans le fuseau de l'événement / dans le vôtre"),
    // The commands are listed from their table, so a new one cannot be left out here.
    bind([.character("s"), .character("*")], .toggleStar, .global, "Star / unstar the selected session (★ marks it)", "Étoiler / désétoiler la session choisie (★ la marque)"),
    bind([.character("m")], .showMine, .global, "My agenda: starred sessions, overlaps, free gaps", "Mon programme : sessions étoilées, chevauchements, créneaux libres"),
    bind([.character(".")], .showNowNext, .global, "Now and next, room by room (Enter: the agenda at that time)", "En cours et ensuite, salle par salle (Entrée : le programme à cette heure)"),
    bind([.character("R")], .reload, .global, "Reload the schedule (URL or file) in the background; marks what changed",
         "Recharger le programme (URL ou fichier) en arrière-plan ; marque ce qui a changé", hint: ("reload", "recharger"),
         enabled: scheduleCanReload),
    bind([.character("C")], .showChanges, .global, "Changes: new, moved, changed, cancelled sessions since the last version",
         "Changements : séances nouvelles, déplacées, modifiées, annulées depuis la version précédente"),
    bind([.character("o")], .openLink, .global, "Open the selected session's link in the browser ($BROWSER, else xdg-open)",
         "Ouvrir le lien de la séance choisie dans le navigateur ($BROWSER, sinon xdg-open)"),
    bind([.character("y")], .copySession, .global, "Copy the selected session (title, time, room, link) to the clipboard (OSC 52)",
         "Copier la séance choisie (titre, heure, salle, lien) dans le presse-papiers (OSC 52)"),
    bind([.character("W")], .showProblems, .global, "Warnings the data was loaded with (--data, :open)", "Avertissements du chargement des données (--data, :open)",
         hint: ("warnings", "avertissements"), enabled: { state, _ in !state.problems.isEmpty }),
    bind([.character(":")], .startCommandLine, .global, "Command line (\(CommandTable.namesList))", "Ligne de commande (\(CommandTable.namesList))"),
    bind([.character("q"), .control("c")], .quit, .global, "Quit", "Quitter", hint: ("quit", "quitter")),
]

private let paneBindings: [KeyBinding] = [
    bind([.left, .character("h")], .previous, .pane(.agenda), "Previous day", "Jour précédent"),
    bind([.right, .character("l")], .next, .pane(.agenda), "Next day", "Jour suivant", hint: ("day", "jour"), label: "← →"),
    bind([.enter], .activate, .pane(.agenda), "Open the session's details", "Ouvrir le détail de la session", hint: ("details", "détails")),
    bind([.character("r")], .toggleRoomGrid, .pane(.agenda), "Room grid: rooms side by side, time running down", "Grille des salles : salles côte à côte, heures vers le bas", hint: ("rooms", "salles"),
         enabled: eventHasClockTimes),

    bind([.left, .character("h")], .previousRoom, .roomGrid, "Room to the left", "Salle à gauche"),
    bind([.right, .character("l")], .nextRoom, .roomGrid, "Room to the right", "Salle à droite", hint: ("room", "salle"), label: "← →"),
    bind([.character("<"), .character(",")], .previousDay, .roomGrid, "Previous day", "Jour précédent"),
    bind([.character(">")], .nextDay, .roomGrid, "Next day", "Jour suivant", hint: ("day", "jour"), label: "< >"),
    bind([.enter], .activate, .roomGrid, "Open the session's details", "Ouvrir le détail de la session", hint: ("details", "détails")),
    bind([.character("r")], .toggleRoomGrid, .roomGrid, "Back to the list", "Retour à la liste", hint: ("list", "liste"),
         enabled: eventHasClockTimes),

    bind([.left, .character("h")], .previous, .pane(.timeline), "Previous event (one event with times: an hour earlier)", "Événement précédent (un seul événement avec heures : une heure plus tôt)"),
    bind([.right, .character("l")], .next, .pane(.timeline), "Next event (one event with times: an hour later; ↑ ↓ the day)", "Événement suivant (un seul événement avec heures : une heure plus tard ; ↑ ↓ le jour)", hint: ("event", "événement"), label: "← →",
         enabled: timelineShowsEvents),
    bind([.enter], .activate, .pane(.timeline), "Show this event's agenda (at the chosen day and hour)", "Afficher le programme de cet événement (au jour et à l'heure choisis)", hint: ("agenda", "programme")),
    bind([.character("+")], .zoomIn, .pane(.timeline), "Zoom in (years → months → days)", "Zoom avant (années → mois → jours)", hint: ("zoom", "zoom"), label: "+",
         enabled: timelineShowsEvents),
    bind([.character("-")], .zoomOut, .pane(.timeline), "Zoom out", "Zoom arrière", label: "-"),

    bind([.enter], .activate, .pane(.regions), "Narrow everything to this region (again: remove)", "Restreindre à cette région (à nouveau : retirer)", hint: ("narrow", "restreindre")),
    bind([.enter], .activate, .pane(.technologies), "Narrow everything to this technology (again: remove)", "Restreindre à cette technologie (à nouveau : retirer)", hint: ("narrow", "restreindre")),
]

private let overlayBindings: [KeyBinding] = moving(.detail, .scrolling) + [
    bind([.left, .character("h")], .previous, .detail, "Previous session", "Session précédente"),
    bind([.right, .character("l")], .next, .detail, "Next session", "Session suivante", hint: ("session", "session"), label: "← →"),
    bind([.escape, .enter, .character("q")], .cancel, .detail, "Close", "Fermer", hint: ("close", "fermer")),
    bind([.character("s"), .character("*")], .toggleStar, .detail, "Star / unstar this session", "Étoiler / désétoiler cette séance", hint: ("star", "étoile")),
    bind([.character("o")], .openLink, .detail, "Open this session's link in the browser", "Ouvrir le lien de cette séance dans le navigateur", hint: ("link", "lien")),
    bind([.character("y")], .copySession, .detail, "Copy this session (title, time, room, link) to the clipboard", "Copier cette séance (titre, heure, salle, lien) dans le presse-papiers"),
    bind([.character(":")], .startCommandLine, .detail, "Command line (:note TEXT on this session)", "Ligne de commande (:note TEXTE sur cette séance)"),
    bind([.character("?")], .showHelp, .detail, "Help", "Aide"),
    bind([.control("c")], .quit, .detail, "Quit", "Quitter"),
] + moving(.help, .scrolling) + [
    bind([.escape, .character("?"), .character("q"), .enter], .cancel, .help, "Close the help", "Fermer l'aide", hint: ("close", "fermer")),
] + moving(.personal, Movement(up: ("Previous row", "Ligne précédente"), down: ("Next row", "Ligne suivante"),
                                first: ("First row", "Première ligne"), last: ("Last row", "Dernière ligne"))) + [
    bind([.enter], .activate, .personal, "On a free gap: the sessions that fit in it; on a session: its details; in Now and next: the agenda at that time", "Sur un créneau libre : les séances qui y tiennent ; sur une séance : son détail ; dans En cours : le programme à cette heure", hint: ("open", "ouvrir")),
    bind([.character("s"), .character("*")], .toggleStar, .personal, "Star / unstar the selected session", "Étoiler / désétoiler la séance choisie", hint: ("star", "étoile")),
    bind([.character(":")], .startCommandLine, .personal, "Command line (:note TEXT on the selected session)", "Ligne de commande (:note TEXTE sur la séance choisie)"),
    bind([.escape, .character("q")], .cancel, .personal, "Close (from a gap's list: back to My agenda)", "Fermer (depuis un créneau : retour à Mon programme)", hint: ("close", "fermer")),
    bind([.character("?")], .showHelp, .personal, "Help", "Aide"),
    bind([.control("c")], .quit, .personal, "Quit", "Quitter"),
    bind([.control("c")], .quit, .help, "Quit", "Quitter"),
] + moving(.changes, Movement(up: ("Previous change", "Changement précédent"), down: ("Next change", "Changement suivant"),
                               first: ("First change", "Premier changement"), last: ("Last change", "Dernier changement"))) + [
    bind([.enter], .activate, .changes, "The session's details in the agenda", "Le détail de la séance dans le programme", hint: ("open", "ouvrir")),
    bind([.character("R")], .reload, .changes, "Reload the schedule", "Recharger le programme", hint: ("reload", "recharger"),
         enabled: scheduleCanReload),
    bind([.escape, .character("q"), .character("C")], .cancel, .changes, "Close", "Fermer", hint: ("close", "fermer")),
    bind([.character("?")], .showHelp, .changes, "Help", "Aide"),
    bind([.control("c")], .quit, .changes, "Quit", "Quitter"),

    bind([.up, .character("k")], .moveUp, .trackPicker, "Previous track", "Thème précédent"),
    bind([.down, .character("j")], .moveDown, .trackPicker, "Next track", "Thème suivant", hint: ("move", "bouger"), label: "↑ ↓"),
    bind([.character(" ")], .toggleChoice, .trackPicker, "Tick / untick the track", "Cocher / décocher le thème", hint: ("tick", "cocher")),
    bind([.character("x")], .clearFilters, .trackPicker, "Untick every track", "Tout décocher"),
    bind([.enter], .activate, .trackPicker, "Apply the ticked tracks", "Appliquer les thèmes cochés", hint: ("apply", "appliquer")),
    bind([.escape, .character("q")], .cancel, .trackPicker, "Close without changing", "Fermer sans changer", hint: ("cancel", "annuler")),
    bind([.control("c")], .quit, .trackPicker, "Quit", "Quitter"),
]

private func lineEditing(_ context: KeyContext) -> [KeyBinding] {
    [
        edit([.enter], .submit, context, "Apply", "Appliquer", hint: ("apply", "appliquer")),
        bind([.escape], .cancel, context, "Cancel", "Annuler", hint: ("cancel", "annuler")),
        edit([.backspace, .control("h")], .deleteBackward, context, "Delete the character before the cursor", "Effacer le caractère avant le curseur"),
        edit([.delete, .control("d")], .deleteForward, context, "Delete the character under the cursor", "Effacer le caractère sous le curseur"),
        edit([.left, .control("b")], .moveLeft, context, "Cursor left", "Curseur à gauche"),
        edit([.right, .control("f")], .moveRight, context, "Cursor right", "Curseur à droite"),
        edit([.home, .control("a")], .moveHome, context, "Start of line", "Début de ligne"),
        edit([.end, .control("e")], .moveEnd, context, "End of line", "Fin de ligne"),
        edit([.control("u")], .clear, context, "Clear the line", "Effacer la ligne"),
        edit([.up, .control("p")], .historyPrevious, context, "Earlier line typed here (this session)", "Ligne tapée ici avant (cette session)"),
        edit([.down, .control("n")], .historyNext, context, "Later line typed here (back to the one being typed)", "Ligne tapée ici après (retour à celle en cours)"),
        bind([.control("c")], .quit, context, "Quit", "Quitter"),
    ]
}

private let inputBindings: [KeyBinding] = lineEditing(.search) + lineEditing(.command) + [
    edit([.tab], .complete, .command, "Complete the command or name (again: next choice)", "Compléter la commande ou le nom (à nouveau : choix suivant)", hint: ("complete", "compléter")),
    edit([.backTab], .completeBackward, .command, "Previous completion", "Complétion précédente"),
]

// swift-tools-version: 6.1
import PackageDescription

// Release builds ask for a concrete generic type's metadata through its accessor instead of by
// its mangled name. In a static binary each mangled-name look-up demangles the name and scans
// every protocol conformance record (~6,300, Foundation's included) for its witness tables:
// ~170 k instructions per type on first use, 11 M of a 38C3 first frame (issue 13; see
// docs/benchmarks.md, "round 10: the first frame"). The accessor passes the witness tables
// directly. Debug builds (tests, the fuzzers) keep the compiler's default. unsafeFlags are
// accepted for a root package and for local path dependencies (Benchmarks/, Fuzz/).
let releaseSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

// The release executable links libstdc++ (which the static Swift runtime and Foundation's ICU
// need) from its archive, not as libstdc++.so.6: loading that library and resolving its ~3,300
// symbolic relocations was 1.9 M of the 4.1 M instructions of `confdash --version`, paid by every
// command (issue 13; docs/benchmarks.md, round 13, json38b). SwiftPM has no setting for it and the
// Swift driver passes `-lstdc++` itself, so the folder added here holds a `libstdc++.so` that is a
// linker script naming `libstdc++.a`. Debug builds (tests, the fuzzers) keep the shared library.
let staticLibstdcxx: [LinkerSetting] = [
    .unsafeFlags(["-L", Context.packageDirectory + "/Linker/static-libstdc++"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "confdash",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "confdash", targets: ["confdash"]),
        .library(name: "ConfDashCore", targets: ["ConfDashCore"]),
        // For the Benchmarks/ package (a separate package, so CI's root build does not pay for it).
        .library(name: "ConfDashUI", targets: ["ConfDashUI"]),
        .library(name: "ConfDashScreen", targets: ["ConfDashScreen"]),
        .library(name: "ConfDashBundledData", targets: ["ConfDashBundledData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Model, loading + validation, queries, text layout. Foundation only: no curses here.
        .target(name: "ConfDashCore", dependencies: ["CSHA1", "CByteScan"], swiftSettings: releaseSettings),
        // SHA-1's block function on the processor's SHA extensions, for the exports' guids.
        .target(name: "CSHA1"),
        // The exports' escaping scans text 16 bytes at a time (SSE2).
        .target(name: "CByteScan"),

        // The bundled dataset, compiled into the binary so that a copied executable still finds it
        // (Bundle.module on Linux looks for a folder next to the build products).
        .target(
            name: "ConfDashBundledData",
            swiftSettings: releaseSettings,
            plugins: [.plugin(name: "EmbedResourcePlugin")]
        ),
        .executableTarget(name: "EmbedResourceTool"),

        // The version and the git revision of the build, for `confdash --version`.
        .target(name: "ConfDashBuildInfo", swiftSettings: releaseSettings, plugins: [.plugin(name: "BuildRevisionPlugin")]),
        .plugin(name: "BuildRevisionPlugin", capability: .buildTool()),
        .plugin(
            name: "EmbedResourcePlugin",
            capability: .buildTool(),
            dependencies: ["EmbedResourceTool"]
        ),

        // Schedules by URL: fetching (libcurl, opened with dlopen on the first fetch: linking it,
        // as FoundationNetworking does, loaded ~35 libraries at every start), the cache under
        // $XDG_CACHE_HOME/confdash, offline fallback.
        .target(name: "ConfDashRemote", dependencies: ["ConfDashCore", "CCurl"], swiftSettings: releaseSettings),
        .target(name: "CCurl"),

        // Subcommands and output formatting, as a library so tests can run them in-process.
        .target(
            name: "ConfDashCLI",
            dependencies: [
                "ConfDashCore",
                "ConfDashRemote",
                "ConfDashBundledData",
                "ConfDashBuildInfo",
                "ConfDashUI",
                "ConfDashScreen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: releaseSettings
        ),
        // The screen model both sides share: the cell grid, rectangles, styles, frames, keys and
        // mouse events, the `InteractiveProgram` protocol and the "is this a terminal" check.
        // Nothing about conferences: the terminal backend needs only this.
        .target(name: "ConfDashScreen", dependencies: ["ConfDashCore"], swiftSettings: releaseSettings),
        // The dashboard without a terminal: state, reducer, key map, layout, panes drawn into a
        // cell grid. Testable headless; `snapshot` prints its grids.
        .target(name: "ConfDashUI", dependencies: ["ConfDashCore", "ConfDashScreen"], swiftSettings: releaseSettings),

        .executableTarget(name: "confdash", dependencies: ["ConfDashCLI", "ConfDashTerminal"], swiftSettings: releaseSettings,
                         linkerSettings: staticLibstdcxx),

        // The terminal: ncursesw (wide API through a shim), a C guard that restores the terminal
        // on signals and crashes, and the one Swift target that talks to curses.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CTerminalGuard"),
        // It depends on the screen model, never on the dashboard (panes, reducer, map).
        .target(name: "ConfDashTerminal", dependencies: ["ConfDashScreen", "CNcursesw", "CTerminalGuard"],
                swiftSettings: releaseSettings),
        // A trivial program on the real terminal backend, for the end-to-end tests (a crash on
        // demand, stderr, exit()); built by `swift build` but not a product.
        .executableTarget(name: "confdash-terminal-demo", dependencies: ["ConfDashTerminal", "ConfDashScreen"]),

        // Saves stars in a loop for the kill -9 tests of the state file; built by `swift build`, not a product.
        .executableTarget(name: "confdash-state-writer", dependencies: ["ConfDashCore"]),

        // What several test targets share: finding and running other programs.
        .target(name: "ConfDashTestSupport", path: "Tests/ConfDashTestSupport"),
        .testTarget(name: "ConfDashCoreTests", dependencies: ["ConfDashCore", "ConfDashBundledData", "confdash-state-writer",
                                                             "ConfDashTestSupport"]),
        // Against a local HTTP server the tests start themselves (scripts/test-http-server.py, 127.0.0.1 only).
        .testTarget(name: "ConfDashRemoteTests", dependencies: ["ConfDashRemote", "ConfDashCore", "ConfDashCLI", "confdash", "ConfDashTestSupport"]),
        .testTarget(name: "ConfDashUITests", dependencies: ["ConfDashUI", "ConfDashScreen", "ConfDashBundledData", "ConfDashTestSupport"], exclude: ["__Screens__"]),
        .testTarget(name: "ConfDashCLITests", dependencies: ["ConfDashCLI", "confdash", "ConfDashTestSupport"], exclude: ["__Goldens__"]),
        .testTarget(name: "ConfDashTerminalTests", dependencies: ["ConfDashTerminal", "ConfDashScreen"]),
        // The real binaries in tmux: keys, resizes, quitting, signals, crashes, and the terminal afterwards.
        .testTarget(name: "ConfDashEndToEndTests", dependencies: ["confdash", "confdash-terminal-demo", "ConfDashTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

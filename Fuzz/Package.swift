// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for confdash's readers, kept apart from the root package: they only link
// when built with `-sanitize=fuzzer` (libFuzzer supplies `main`), so the root `swift build` and
// `swift test` never see them. Build and run them with `scripts/fuzz.sh TARGET SECONDS`.
let package = Package(
    name: "confdash-fuzz",
    dependencies: [
        // Named explicitly: a path dependency is otherwise known by its folder name, which differs per checkout.
        .package(name: "confdash", path: ".."),
    ],
    targets: [
        // What every target checks of a result beyond "it did not crash".
        .target(name: "FuzzSupport", dependencies: [.product(name: "ConfDashCore", package: "confdash")]),
        // One target per reader, each fed the raw bytes with the format forced (no guessing).
        .executableTarget(name: "FuzzDataset", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzScheduleXML", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzScheduleJSON", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzICS", dependencies: ["FuzzSupport"]),
        // Whatever the importer accepts, indexed, exported in every format and drawn by the dashboard.
        .executableTarget(name: "FuzzRender", dependencies: [
            "FuzzSupport",
            .product(name: "ConfDashUI", package: "confdash"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.1
import PackageDescription

// Benchmarks for confdash, kept apart from the root package so that CI's build of the root
// package never resolves or compiles the benchmark harness. Run: `swift package benchmark`.
let package = Package(
    name: "confdash-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named explicitly: a path dependency is otherwise known by its folder name, which differs per checkout.
        .package(name: "confdash", path: ".."),
        // Default traits off: on Linux with Swift 6.3 the default "RuntimeInterposer" trait needs
        // swift-runtime-interposer, which is not available here; malloc counting stays on.
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Datasets (bundled, scaled 10x and 100x, 1,200 sessions in a day) and the key cases.
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "ConfDashCore", package: "confdash"),
                .product(name: "ConfDashUI", package: "confdash"),
                .product(name: "ConfDashBundledData", package: "confdash"),
            ]
        ),
        // One keystroke or first frame in a loop, without the harness: for callgrind and perf.
        .executableTarget(name: "confdash-profile", dependencies: ["BenchmarkSupport"]),
        .executableTarget(
            name: "ConfDashBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ConfDashCore", package: "confdash"),
                .product(name: "ConfDashUI", package: "confdash"),
                .product(name: "ConfDashBundledData", package: "confdash"),
            ],
            path: "Benchmarks/ConfDashBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v5)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

// swift-tools-version:6.1
// The layout (docs/architecture.md, "Layout"): pure codecs, the core model, the store, the
// system bridge, one library target per program (daemon, simulator, CLI) with a one-line
// executable each plus the multi-call `smsgw` the box installs (docs/box.md, "Layout"), and a
// few test targets (each costs link time).
import PackageDescription

let package = Package(
    name: "smsgw",
    products: [
        // The box's one executable (scripts/install): the daemons and smsgwctl are symlinks to it.
        .executable(name: "smsgw", targets: ["smsgw"]),
        .executable(name: "smsgwctl", targets: ["smsgwctl"]),
        .executable(name: "smsgw-modemsim", targets: ["smsgw-modemsim"]),
        .executable(name: "smsgw-modemd", targets: ["smsgw-modemd"]),
        .executable(name: "smsgw-queued", targets: ["smsgw-queued"]),
        .executable(name: "smsgw-ingressd", targets: ["smsgw-ingressd"]),
        .executable(name: "smsgw-simd", targets: ["smsgw-simd"]),
        .executable(name: "smsgw-watchdogd", targets: ["smsgw-watchdogd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    ],
    targets: [
        // System libraries (Debian 12 packages named in `providers`; scripts/setup installs them).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        .systemLibrary(name: "CGPIOD", pkgConfig: "libgpiod", providers: [.apt(["libgpiod-dev"])]),
        .systemLibrary(name: "CCrypt", pkgConfig: "libxcrypt", providers: [.apt(["libcrypt-dev"])]),
        // glibc's <malloc.h> (mallopt), part of libc6-dev.
        .systemLibrary(name: "CMalloc"),
        // Headers only: libcurl itself is opened with dlopen at the first call (Sources/CCurl/shim.h).
        .systemLibrary(name: "CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Time and dates (pure): Timestamp, civil dates, RFC 3339, time zones (TZif, POSIX TZ).
        .target(name: "GatewayTime"),

        // Bytes as hexadecimal text and back (PDUs, digests, tokens, percent-encoding): pure.
        .target(name: "HexCoding"),

        // Pure protocol code: bytes in, values out.
        .target(name: "SMSCodec", dependencies: ["HexCoding"]),
        .target(name: "SMPPCodec", dependencies: ["GatewayTime"]),
        .target(name: "ATCommands"),
        .target(name: "TOMLReader", dependencies: ["GatewayTime"]),

        // Domain types and the configuration's typed model: pure, what the pure cores depend on.
        .target(name: "GatewayCore", dependencies: ["GatewayTime", "HexCoding"]),
        // Reading the configuration (TOML decoding, file loading, validation) and making and
        // checking password hashes (libxcrypt): what daemons and smsgwctl need at their edges.
        .target(name: "GatewayConfig", dependencies: ["GatewayCore", "TOMLReader", "CCrypt"]),
        .target(name: "GatewayStore", dependencies: ["GatewayCore", "HexCoding", "CSQLite"]),
        .target(name: "SystemBridge", dependencies: ["CSystemd", "CGPIOD"]),
        // Vendor quirks as data (one folder per vendor), shared by modemd and the simulator.
        .target(name: "ModemProfiles", dependencies: ["ATCommands", "GatewayCore"]),
        // modemd's per-modem state machine: pure (events in, actions out).
        .target(name: "ModemSession", dependencies: ["ATCommands", "SMSCodec", "GatewayCore"]),
        // The queue's decisions (routing, SIM choice, retries, report correlation, schedules): pure.
        .target(name: "QueueCore", dependencies: ["GatewayCore"]),
        // simd's decisions (which SIM each modem has on air, block detection): pure.
        .target(name: "SimPolicy", dependencies: ["GatewayCore", "QueueCore"]),
        // watchdogd's escalation ladder and box verdict: pure (observations in, actions out).
        .target(name: "WatchdogPolicy"),
        // Unix-socket framing, typed requests/responses/events, client, server, wake-ups.
        .target(
            name: "GatewayIPC",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),

        // Calls upstream over HTTP(S) (libcurl off the cooperative pool): signed JSON webhooks and
        // Kannel dlr-url callbacks, their bodies, signatures and placeholder expansion.
        .target(
            name: "Webhooks",
            dependencies: [
                "GatewayCore", "HexCoding", "CCurl",
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        // What every daemon's main starts with: options, logging, configuration, directories.
        .target(
            name: "GatewayDaemon",
            dependencies: [
                "GatewayCore", "GatewayConfig", "GatewayTime", "GatewayIPC", "CMalloc", "SystemBridge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),

        // What tests share (seeded randomness, running built products, a manual clock); never in a daemon.
        .target(name: "GatewayTestSupport", dependencies: ["GatewayTime"]),

        .target(
            name: "SmsgwctlCommands",
            dependencies: [
                "SMSCodec", "SMPPCodec", "HexCoding", "GatewayCore", "GatewayConfig", "GatewayStore", "GatewayIPC",
                "SystemBridge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/smsgwctl"
        ),

        .target(
            name: "ModemSimulator",
            dependencies: [
                "ATCommands", "SMSCodec", "ModemProfiles", "GatewayCore", "GatewayConfig", "SystemBridge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/smsgw-modemsim"
        ),

        .target(
            name: "ModemdDaemon",
            dependencies: [
                "GatewayDaemon",
                "ATCommands", "SMSCodec", "ModemSession", "ModemProfiles", "GatewayCore", "GatewayStore", "GatewayIPC",
                "SystemBridge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/smsgw-modemd"
        ),

        .target(
            name: "QueuedDaemon",
            dependencies: [
                "GatewayDaemon",
                "GatewayCore", "GatewayStore", "GatewayIPC", "SystemBridge", "QueueCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/smsgw-queued"
        ),

        .target(
            name: "IngressdDaemon",
            dependencies: [
                "GatewayDaemon",
                "GatewayCore", "GatewayConfig", "GatewayStore", "GatewayIPC", "SystemBridge", "SMPPCodec", "SMSCodec",
                "HexCoding", "Webhooks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/smsgw-ingressd"
        ),

        .target(
            name: "SimdDaemon",
            dependencies: [
                "GatewayDaemon",
                "GatewayCore", "GatewayStore", "GatewayIPC", "SystemBridge", "QueueCore", "SimPolicy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/smsgw-simd"
        ),

        .target(
            name: "WatchdogdDaemon",
            dependencies: [
                "GatewayDaemon",
                "GatewayCore", "GatewayStore", "GatewayIPC", "SystemBridge", "WatchdogPolicy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/smsgw-watchdogd"
        ),

        // One line each: the commands live in the library targets above (Sources/smsgw-*,
        // Sources/smsgwctl), so the multi-call `smsgw` and these thin executables share them.
        .executableTarget(name: "smsgwctl", dependencies: ["SmsgwctlCommands"], path: "Sources/Mains/smsgwctl"),
        .executableTarget(name: "smsgw-modemsim", dependencies: ["ModemSimulator"], path: "Sources/Mains/smsgw-modemsim"),
        .executableTarget(name: "smsgw-modemd", dependencies: ["ModemdDaemon"], path: "Sources/Mains/smsgw-modemd"),
        .executableTarget(name: "smsgw-queued", dependencies: ["QueuedDaemon"], path: "Sources/Mains/smsgw-queued"),
        .executableTarget(name: "smsgw-ingressd", dependencies: ["IngressdDaemon"], path: "Sources/Mains/smsgw-ingressd"),
        .executableTarget(name: "smsgw-simd", dependencies: ["SimdDaemon"], path: "Sources/Mains/smsgw-simd"),
        .executableTarget(name: "smsgw-watchdogd", dependencies: ["WatchdogdDaemon"], path: "Sources/Mains/smsgw-watchdogd"),
        // The multi-call executable: picks the program by the name it was called by (argv[0]).
        .executableTarget(
            name: "smsgw",
            dependencies: [
                "SmsgwctlCommands", "ModemSimulator", "ModemdDaemon", "QueuedDaemon", "IngressdDaemon", "SimdDaemon",
                "WatchdogdDaemon",
            ],
            path: "Sources/Mains/smsgw"
        ),

        .testTarget(name: "CodecTests", dependencies: ["HexCoding", "SMSCodec", "SMPPCodec", "ATCommands", "GatewayTestSupport"]),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "TOMLReader", "GatewayCore", "GatewayConfig", "GatewayStore", "SystemBridge", "GatewayIPC", "GatewayTestSupport",
                "Webhooks",
                "GatewayDaemon",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "ModemTests", dependencies: [
            "ModemSimulator", "ModemdDaemon", "ModemProfiles", "ModemSession", "SystemBridge", "ATCommands", "SMSCodec",
            "GatewayCore", "GatewayIPC", "GatewayStore", "GatewayTestSupport",
        ]),
        .testTarget(name: "QueueTests", dependencies: [
            "QueueCore", "SimPolicy", "WatchdogPolicy", "GatewayCore", "GatewayConfig", "GatewayTestSupport",
        ]),
        .testTarget(name: "EndToEndTests", dependencies: [
            // In process, with a manual clock and fake peers: the daemons' loops (Tests/EndToEndTests/InProcess).
            "SmsgwctlCommands", "IngressdDaemon", "QueuedDaemon", "SimdDaemon", "GatewayDaemon",
            .product(name: "Logging", package: "swift-log"),
            // Run as processes (runProduct, `smsgwctl up`): built before the tests.
            "smsgw", "smsgwctl", "smsgw-modemsim", "smsgw-modemd", "smsgw-queued", "smsgw-ingressd", "smsgw-simd",
            "smsgw-watchdogd", "GatewayIPC", "GatewayStore", "GatewayCore", "GatewayConfig", "SMSCodec",
            "SMPPCodec", "QueueCore",
            "GatewayTestSupport",
        ]),
    ],
    swiftLanguageModes: [.v6]
)

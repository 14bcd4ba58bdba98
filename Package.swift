// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kiosque",
    products: [
        .executable(name: "kiosque", targets: ["kiosque"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // libxml2 through a shim header: the feed and HTML parsers use it.
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                      providers: [.apt(["libxml2-dev"])]),
        .target(name: "NewsModel"),
        // libhyphen with the French patterns of Debian's hyphen-fr.
        .systemLibrary(name: "CHyphen", path: "Sources/CHyphen",
                       providers: [.apt(["libhyphen-dev", "hyphen-fr"])]),
        .target(name: "Typesetting", dependencies: ["NewsModel", "CHyphen"]),
        // Simple item HTML read into blocks without libxml2: at import, and by
        // the store for bodies kept as HTML until they are read.
        .target(name: "ArticleHTML", dependencies: ["NewsModel"]),
        // libcurl, loaded when a command fetches (see HTTPFetch.h).
        .target(name: "HTTPFetch", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "NewsImport", dependencies: ["NewsModel", "ArticleHTML", "CLibXML2", "HTTPFetch"]),
        .target(name: "SQLiteSettings", linkerSettings: [.linkedLibrary("sqlite3"), .linkedLibrary("m")]),
        .target(name: "FileWriteback"),
        .target(name: "NewsStore", dependencies: [
            "SQLiteSettings", "FileWriteback",
            "NewsModel", "ArticleHTML",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // ncursesw through a shim header: macros Swift cannot import.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW",
                       providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "ReaderUI", dependencies: ["NewsModel", "Typesetting"]),
        .target(name: "TerminalCurses", dependencies: ["ReaderUI", "CNCursesW"]),
        .target(name: "Configuration", dependencies: [
            "ReaderUI", .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // glibc's mallopt, which Swift's Glibc module leaves out.
        .target(name: "MallocSettings"),
        .executableTarget(name: "kiosque", dependencies: [
            "NewsModel", "NewsStore", "NewsImport", "Typesetting", "ReaderUI", "TerminalCurses", "Configuration",
            "MallocSettings",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Helpers shared by the test targets (seeded randomness).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "NewsModelTests", dependencies: ["NewsModel"]),
        .testTarget(name: "TypesettingTests", dependencies: ["Typesetting", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "NewsImportTests", dependencies: ["NewsImport", "ArticleHTML", "TestSupport"]),
        .testTarget(name: "NewsStoreTests", dependencies: ["NewsStore", "NewsImport", "FileWriteback", "SQLiteSettings", "TestSupport"]),
        .testTarget(name: "ReaderUITests", dependencies: ["ReaderUI", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", .product(name: "TOMLKit", package: "TOMLKit")]),
        .testTarget(name: "KiosqueCLITests", dependencies: ["kiosque", "TestSupport"]),
    ]
)

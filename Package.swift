// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gloss",
    products: [
        .executable(name: "gloss", targets: ["gloss"]),
        .library(name: "GlossCore", targets: ["GlossCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // Snowball stemmers; libstemmer ships no pkg-config file, the header and library are in the default paths.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CGlossZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .target(
            name: "GlossCore",
            dependencies: [
                "CCmarkGFM",
                "CPCRE2",
                "CStemmer",
                "CLibXML2",
                "CCurl",
                "CGlossZlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The PDF reader links poppler (GPL-2.0-or-later), so it is kept out of GlossCore (Apache-2.0);
        // the gloss executable, which adds it to its readers, is distributed under the GPL-3.0 as a whole.
        .target(
            name: "GlossPDF",
            dependencies: ["GlossCore", "CPoppler"]
        ),
        .executableTarget(
            name: "gloss",
            dependencies: [
                "GlossCore",
                "GlossPDF",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "GlossBench", dependencies: ["GlossCore", "GlossPDF", "CGlossZlib"]),
        .executableTarget(
            name: "GlossFuzz",
            dependencies: ["GlossCore", "GlossPDF", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "GlossCoreTests",
            dependencies: ["GlossCore", "GlossPDF", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GlossEndToEndTests",
            dependencies: ["GlossCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden"]
        ),
    ]
)

import Configuration
import ReaderUI
import XCTest

final class ConfigFileTests: XCTestCase {
    func testEverySettingIsRead() throws {
        let config = try ConfigFile.parse("""
            language = "en"
            measure = 66
            [ticker]
            moving = false
            speed = 12.5
            [flags]
            threshold = 5
            [colors]
            mode = "16"
            ticker = { fg = 15, bg = 4 }
            [keys]
            down = ["j", "Down", "Ctrl-N"]
            flag_image = "x"
            """)
        XCTAssertEqual(config.language, .en)
        XCTAssertEqual(config.measure, 66)
        XCTAssertEqual(config.tickerMoving, false)
        XCTAssertEqual(config.tickerSpeed, 12.5)
        XCTAssertEqual(config.flagThreshold, 5)
        XCTAssertEqual(config.colors.mode, .sixteen)
        XCTAssertEqual(config.colors.overrides[.ticker], .init(foreground: 15, background: 4))
        XCTAssertEqual(config.keys[.down], [.character("j"), .down, .control("n")])
        XCTAssertEqual(config.keys[.flagImage], [.character("x")])
    }

    func testAnEmptyOrMissingFileIsTheDefault() throws {
        XCTAssertEqual(try ConfigFile.parse(""), ConfigFile())
        XCTAssertEqual(try ConfigFile.load(path: "/nonexistent/kiosque/config.toml"), ConfigFile())
    }

    func testMistakesAreNamedNotIgnored() {
        let cases: [(String, String)] = [
            ("langue = \"fr\"", "réglage inconnu « langue »"),
            ("[ticker]\nspeed = 0", "ticker.speed doit être un nombre de 0.5 à 60.0"),
            ("[flags]\nthreshold = \"trois\"", "flags.threshold doit être un entier"),
            ("[keys]\ndown = [\"Flèche\"]", "touche inconnue « Flèche »"),
            ("[colors]\nmode = \"rainbow\"", "colors.mode doit valoir"),
            ("[ticker\nspeed = 3", "ligne 1"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try ConfigFile.parse(text, path: "config.toml"), text) { error in
                XCTAssertTrue("\(error)".contains(message), "«\(error)» should say «\(message)»")
                XCTAssertTrue("\(error)".hasPrefix("config.toml"), "\(error)")
            }
        }
    }

    func testDefaultPathFollowsXDG() {
        XCTAssertEqual(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"]), "/c/kiosque/config.toml")
        XCTAssertEqual(ConfigFile.defaultPath(environment: ["HOME": "/h"]), "/h/.config/kiosque/config.toml")
    }

    func testTheDocumentedExampleParses() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/config.example.toml")
        let config = try ConfigFile.load(path: example.path)
        XCTAssertEqual(config.flagThreshold, 3)
        XCTAssertEqual(config.tickerSpeed, 8)
    }
}

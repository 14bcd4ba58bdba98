import XCTest
@testable import ReaderUI

final class KeyTableTests: XCTestCase {
    func testDefaultsMatchWhatLessUsersExpect() {
        let table = KeyTable.defaults
        XCTAssertEqual(table.action(for: .character("j"), on: .list), .down)
        XCTAssertEqual(table.action(for: .character(" "), on: .pager), .pageDown)
        XCTAssertEqual(table.action(for: .character("G"), on: .pager), .bottom)
        XCTAssertEqual(table.action(for: .character("q"), on: .list), .quit)
        XCTAssertEqual(table.action(for: .character("q"), on: .pager), .back)
        XCTAssertEqual(table.action(for: .enter, on: .list), .open)
        XCTAssertNil(table.action(for: .enter, on: .pager))
    }

    func testNoKeyMeansTwoThingsOnOneScreen() {
        for screen in Screen.allCases {
            var seen: [Key: Action] = [:]
            for binding in KeyTable.defaults.bindings where binding.screens.contains(screen) {
                for key in binding.keys {
                    XCTAssertNil(seen[key], "\(key.name) bound twice on \(screen)")
                    seen[key] = binding.action
                }
            }
        }
    }

    func testRebindingMovesTheKeyAndTheHelpFollows() {
        var table = KeyTable.defaults
        table.rebind(.flagImage, to: [.character("x"), .character("n")])
        XCTAssertEqual(table.action(for: .character("x"), on: .pager), .flagImage)
        XCTAssertEqual(table.action(for: .character("n"), on: .pager), .flagImage)
        XCTAssertNil(table.action(for: .character("s"), on: .pager))
        var settings = Sample.settings()
        settings.keys = table
        let help = HelpView.lines(settings).joined(separator: "\n")
        XCTAssertTrue(help.contains("x, n"))
    }

    func testKeyNamesRoundTrip() {
        for key in [Key.up, .pageDown, .home, .tab, .backTab, .escape, .character("j"), .control("r"), .function(1)] {
            XCTAssertEqual(Key(name: key.name), key, key.name)
        }
    }
}

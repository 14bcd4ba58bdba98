import XCTest
@testable import kiosque

final class URLOpenerTests: XCTestCase {
    func testTheBrowserGetsTheURLAsOneArgumentNeverThroughAShell() {
        let hostile = "https://example.org/a;rm -rf ~;$(reboot)`id`"
        XCTAssertEqual(URLOpener.command(for: "https://example.org/article?id=3", environment: [:]),
                       ["xdg-open", "https://example.org/article?id=3"])
        XCTAssertEqual(URLOpener.command(for: "https://example.org/a", environment: ["BROWSER": "firefox --new-window"]),
                       ["firefox", "--new-window", "https://example.org/a"])
        // Spaces make it an invalid URL: refused rather than split.
        XCTAssertNil(URLOpener.command(for: hostile, environment: [:]))
        let quoted = "https://example.org/a;$(reboot)`id`"
        XCTAssertEqual(URLOpener.command(for: quoted, environment: [:])?.last, quoted)
    }

    func testOnlyWebLinksAreOpened() {
        for url in ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x", "-oProxyCommand=x",
                    "https://", "http://exa\u{1B}mple.org/", "data:text/html,<script>"] {
            XCTAssertNil(URLOpener.command(for: url, environment: [:]), url)
        }
    }
}

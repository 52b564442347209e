import XCTest

@testable import GlossCore

final class DisplayPathTests: XCTestCase {
    func testInsideTheBaseIsRelative() {
        XCTAssertEqual(DisplayPath.of("/data/project/articles/a.md", base: "/data/project"), "articles/a.md")
        XCTAssertEqual(DisplayPath.of("/data/project/a.md", base: "/data/project/"), "a.md")
    }

    func testOutsideTheBaseStaysAbsoluteOrUsesHome() {
        XCTAssertEqual(DisplayPath.of("/data/projectile/a.md", base: "/data/project"), "/data/projectile/a.md")
        XCTAssertEqual(DisplayPath.of("/srv/a.md", base: "/"), "/srv/a.md")
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        if home.count > 1 {
            XCTAssertEqual(DisplayPath.of(home + "/notes/a.md", base: "/elsewhere"), "~/notes/a.md")
        }
    }
}

import Foundation
import TestSupport
import Testing

@testable import Reports

@Suite struct PNGEncoderTests {
    /// A 256 × 256 tile of two colours is a few hundred bytes compressed (raw it is 257 KiB), and an
    /// independent reader (ImageMagick) sees its size and its pixels.
    @Test func tilesAreCompressedAndReadBack() throws {
        let convert = try #require(Fixtures.which("convert"), "ImageMagick is needed; tools/test installs it")
        var rgba = [UInt8](repeating: 0, count: 256 * 256 * 4)
        for y in 0..<256 {
            for x in 0..<256 {
                let o = (y * 256 + x) * 4
                let c: [UInt8] = x < 128 ? [215, 25, 28, 200] : [26, 150, 65, 200]
                for k in 0..<4 { rgba[o + k] = c[k] }
            }
        }
        let png = PNGEncoder.encode(width: 256, height: 256, rgba: rgba)
        #expect(png.count < 4_000, "\(png.count) bytes")
        let path = Fixtures.temporaryDirectory() + "/tile.png"
        try Data(png).write(to: URL(fileURLWithPath: path))
        let size = try Fixtures.run(convert, [path, "-format", "%w×%h", "info:"])
        #expect(size.stdout == "256×256", "\(size.stdout) \(size.stderr)")
        for (x, expected) in [(10, "215,25,28,200"), (200, "26,150,65,200")] {
            let pixel = try Fixtures.run(
                convert,
                [
                    path, "-crop", "1x1+\(x)+100", "-format",
                    "%[fx:int(255*r+0.5)],%[fx:int(255*g+0.5)],%[fx:int(255*b+0.5)],%[fx:int(255*a+0.5)]", "info:",
                ])
            #expect(pixel.stdout == expected, "x \(x): \(pixel.stdout)")
        }
    }
}

import CGDAL
import Foundation

/// GDAL's library (Debian's libgdal), opened when a GDAL format is first written rather than linked, so
/// that a run writing only gigaplan's own formats does not load it (see `Sources/CGDAL/shim.h`). Its
/// drivers are registered once, on opening.
enum GDALLibrary {
    /// Tried in turn: the link `libgdal-dev` installs, then the sonames of GDAL 3.2 to 3.10 (Debian 11 to
    /// 13), for a machine with the runtime package only.
    static let names = [
        "libgdal.so", "libgdal.so.36", "libgdal.so.35", "libgdal.so.34", "libgdal.so.33", "libgdal.so.32",
        "libgdal.so.31", "libgdal.so.30", "libgdal.so.29", "libgdal.so.28",
    ]

    private static let opened: Result<GDALAPI, Unavailable> = {
        var reasons: [String] = []
        for name in names {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                reasons.append(dlerror().map { String(cString: $0) } ?? name)
                continue
            }
            var api = GDALAPI()
            if let missing = GDALAPI_resolve(library, &api) {
                reasons.append("\(name) has no \(String(cString: missing))")
                dlclose(library)
                continue
            }
            api.GDALAllRegister()
            return .success(api)
        }
        return .failure(Unavailable(reason: reasons.first ?? "no library name to try"))
    }()

    struct Unavailable: Error { var reason: String }

    /// GDAL's functions, for writing `path`.
    /// - Throws: `FileWriteError` for `path` when GDAL cannot be opened (not installed, or too old).
    static func api(writing path: String) throws -> GDALAPI {
        switch opened {
        case .success(let api): return api
        case .failure(let e):
            throw FileWriteError(path: path, reason: "GDAL (libgdal-dev) cannot be loaded: \(e.reason)")
        }
    }
}

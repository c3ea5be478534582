// gigaplan-fuzz TARGET [ARGS…]: the fuzz targets of tools/fuzz/FuzzTargets.
//
// Built by tools/fuzz with -sanitize=fuzzer,address and -DFUZZING, it hands ARGS to libFuzzer
// (corpus folders, -max_total_time=…). Built plainly, it replays the files or folders in ARGS through
// the target, which is how found inputs are checked again.
import Foundation
import FuzzTargets

#if FUZZING
import CFuzzing
#endif

// libFuzzer's fork mode starts this program again with its own options only: the target travels in
// GIGAPLAN_FUZZ_TARGET.
var arguments = CommandLine.arguments
if arguments.count < 2 || FuzzTarget(rawValue: arguments[1]) == nil,
    let name = ProcessInfo.processInfo.environment["GIGAPLAN_FUZZ_TARGET"]
{
    arguments.insert(name, at: 1)
}
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
    FileHandle.standardError.write(
        Data(
            ("usage: gigaplan-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) [libFuzzer options or "
                + "inputs…]\n").utf8))
    exit(2)
}

#if FUZZING
setenv("GIGAPLAN_FUZZ_TARGET", target.rawValue, 1)
nonisolated(unsafe) var selected = target
var driverArguments = [arguments[0]] + arguments.dropFirst(2)
var argc = Int32(driverArguments.count)
var cStrings: [UnsafeMutablePointer<CChar>?] = driverArguments.map { strdup($0) } + [nil]
let status = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        selected.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
exit(status)
#else
do {
    let count = try target.replay(Array(arguments.dropFirst(2)))
    print("\(target.rawValue): \(count) inputs, no crash")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
#endif

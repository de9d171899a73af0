import CFuzzer
#if canImport(Glibc)
import Glibc
#endif

// `dateline-fuzz <target> [libFuzzer arguments…]`: the first argument picks the target; libFuzzer gets the rest.
let usage = "usage: dateline-fuzz <\(FuzzTarget.all.keys.sorted().joined(separator: "|"))> [libFuzzer options] [corpus…]\n"
guard CommandLine.argc >= 2, let name = CommandLine.arguments.dropFirst().first, let target = FuzzTarget.all[name] else {
    _ = usage.withCString { write(2, $0, strlen($0)) }
    exit(2)
}
FuzzTarget.selected = target
// libFuzzer reads argv[0] (to re-run itself) and the options; the target's name is taken out from between them.
var argv = CommandLine.unsafeArgv
var arguments: [UnsafeMutablePointer<CChar>?] = [argv[0]] + (2..<Int(CommandLine.argc)).map { argv[$0] } + [nil]
var argc = CommandLine.argc - 1
let status = arguments.withUnsafeMutableBufferPointer { buffer in
    var pointer = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &pointer) { data, size in
        FuzzTarget.selected.run(UnsafeBufferPointer(start: data, count: size))
        return 0
    }
}
exit(status)

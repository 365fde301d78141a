/// A daslang run under a debugger in batch mode, as one line to paste into a POSIX shell.
///
/// daslang's debug breaks (`DAS_GC_BREAK_ON_ID`, `--track-smart-ptr`) raise SIGTRAP: without a
/// debugger the process dies of it (exit 133) and its buffered output is lost. Under gdb or lldb
/// the break stops the program and the backtrace says where it was.
struct DebuggerCommand: Equatable {
    /// What the debugger does at the breaks.
    enum Plan: Equatable {
        /// Stop at the first break, print the whole backtrace, end the program.
        case backtraceFirstBreak
        /// At every break print the innermost `frames` frames and continue, to the program's end.
        case backtraceEveryBreak(frames: Int)
    }

    /// `NAME=value` settings the program reads, placed before the debugger (which passes its environment on).
    var environment: [String]
    /// The daslang command line: `daslang`, its options, the script and the script's arguments, shell-quoted.
    var program: String
    var plan: Plan

    /// gdb (Linux). Continuing through every break takes gdb's Python (built into the gdb of
    /// Debian, Ubuntu and Fedora): the CLI's `while` needs more than one line. The first break's
    /// backtrace comes before the loop, so a gdb without Python still prints where the object was made.
    var gdb: String {
        line("gdb -q -batch", firstBreak: "-ex run -ex bt", programAfter: "--args") { frames in
            "-ex 'handle SIGTRAP stop print' -ex run -ex 'bt \(frames)' -ex 'python while gdb.selected_inferior().pid: "
                + "gdb.execute(\"continue\"); gdb.execute(\"bt \(frames)\") if gdb.selected_inferior().pid else None'"
        }
    }

    /// lldb (macOS). In batch mode lldb runs `-k` commands when the program stops on a signal, and
    /// a stop hook with `--auto-continue` runs at every stop.
    var lldb: String {
        line("lldb --batch", firstBreak: "-o run -k bt -k kill", programAfter: "--") { frames in
            "-o 'target stop-hook add --one-liner \"bt \(frames)\" --auto-continue true' -o run"
        }
    }

    private func line(_ debugger: String, firstBreak: String, programAfter separator: String, everyBreak: (Int) -> String) -> String {
        let commands: String
        switch plan {
        case .backtraceFirstBreak: commands = firstBreak
        case let .backtraceEveryBreak(frames): commands = everyBreak(frames)
        }
        return (environment + [debugger, commands, separator, program]).joined(separator: " ")
    }
}

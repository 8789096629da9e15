// Restoring the terminal on every way out of the dashboard, including crashes and signals.
//
// Everything a signal handler here does is async-signal-safe: it writes bytes copied in advance,
// calls tcsetattr, dup2/lseek/read/write/close, sigaction and raise. Nothing allocates.
#ifndef CONFDASH_CTERMINALGUARD_H
#define CONFDASH_CTERMINALGUARD_H

#include <stddef.h>

/// Remembers the terminal modes of `fd` (call before curses starts) and arms the guard: from now
/// on a crash, a second quit signal or exit() restores those modes. Returns 0, or -1 when `fd`
/// is not a terminal.
int ctg_arm(int fd);

/// Copies the bytes that put the terminal back (attributes off, keypad off, cursor on, mouse
/// reporting off, leave the alternate screen). Call after curses has started. At most 1024 bytes.
void ctg_set_reset_sequence(const char *bytes, size_t length);

/// Installs the handlers: ILL, TRAP, SEGV, ABRT, BUS and FPE restore the terminal and then go
/// to the handler that was there before (Swift's crash reporter) or to the default action;
/// TERM, INT, HUP and QUIT only record the signal for the event loop (ctg_pending_signal), and a
/// second one while the first is still pending restores and dies by that signal. Also registers
/// an atexit restore. Call before curses starts, so that ncurses keeps its hands off INT/TERM.
void ctg_install_handlers(void);

/// When enabled, a crash replaces fd 0 with a pipe holding one newline before Swift's crash
/// reporter runs, so that its interactive prompt (chosen before main, when SWIFT_BACKTRACE does
/// not say interactive=no) ends at once instead of waiting 30 s for a key.
void ctg_answer_crash_prompt(int enabled);

/// Puts the previous handlers back (after a clean stop).
void ctg_uninstall_handlers(void);

/// 0, or the number of the first TERM/INT/HUP/QUIT signal received since ctg_install_handlers.
int ctg_pending_signal(void);

/// Sends anything written to file descriptor 2 into an unlinked temporary file until the
/// terminal is restored, then writes it out on the normal screen (stray messages would
/// otherwise scribble over the dashboard, and a crash message would vanish with the alternate
/// screen). Only when fd 2 is a terminal. Returns 0 when capturing.
int ctg_capture_stderr(void);

/// Restores the terminal if the guard is armed (reset bytes, then the saved modes), then
/// replays captured stderr. Async-signal-safe; does something only once per arming.
void ctg_restore(void);

/// After curses has restored the terminal itself (endwin): disarm without writing the reset
/// bytes again, and replay captured stderr.
void ctg_disarm(void);

/// Milliseconds since this program was loaded (a constructor records the time before main).
double ctg_ms_since_load(void);

/// Milliseconds since the kernel started the process (from /proc/self/stat, so only to the
/// clock tick, usually 10 ms), or -1 when unknown.
double ctg_ms_since_exec(void);

#endif

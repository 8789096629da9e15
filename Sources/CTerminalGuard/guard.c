#define _GNU_SOURCE
#include "CTerminalGuard.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const int crash_signals[] = { SIGILL, SIGTRAP, SIGSEGV, SIGABRT, SIGBUS, SIGFPE };
static const int quit_signals[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT };
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

static volatile sig_atomic_t armed = 0;
static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t handlers_installed = 0;
static int terminal_fd = -1;
static struct termios saved_termios;

static char reset_bytes[1024];
static volatile sig_atomic_t reset_length = 0;

static int saved_stderr = -1;  // the real fd 2 while it is captured
static int capture_fd = -1;    // the temporary file fd 2 points to

static struct sigaction previous_actions[NSIG];
static volatile sig_atomic_t answer_crash_prompt = 0;

static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        bytes += written;
        length -= (size_t)written;
    }
}

/// Puts fd 2 back and writes what was captured to it.
static void replay_stderr(void) {
    if (saved_stderr < 0) return;
    int saved_errno = errno;
    dup2(saved_stderr, STDERR_FILENO);
    close(saved_stderr);
    saved_stderr = -1;
    if (capture_fd >= 0) {
        char buffer[4096];
        if (lseek(capture_fd, 0, SEEK_SET) == 0) {
            for (;;) {
                ssize_t count = read(capture_fd, buffer, sizeof buffer);
                if (count < 0 && errno == EINTR) continue;
                if (count <= 0) break;
                write_all(STDERR_FILENO, buffer, (size_t)count);
            }
        }
        close(capture_fd);
        capture_fd = -1;
    }
    errno = saved_errno;
}

int ctg_arm(int fd) {
    if (tcgetattr(fd, &saved_termios) != 0) return -1;
    terminal_fd = fd;
    reset_length = 0;
    pending_signal = 0;
    armed = 1;
    return 0;
}

void ctg_set_reset_sequence(const char *bytes, size_t length) {
    if (length > sizeof reset_bytes) length = sizeof reset_bytes;
    reset_length = 0;
    memcpy(reset_bytes, bytes, length);
    reset_length = (sig_atomic_t)length;
}

void ctg_restore(void) {
    if (armed) {
        armed = 0;
        int saved_errno = errno;
        if (terminal_fd >= 0) {
            write_all(terminal_fd, reset_bytes, (size_t)reset_length);
            tcsetattr(terminal_fd, TCSAFLUSH, &saved_termios);
        }
        errno = saved_errno;
    }
    replay_stderr();
}

void ctg_disarm(void) {
    armed = 0;
    replay_stderr();
}

int ctg_pending_signal(void) { return pending_signal; }

void ctg_answer_crash_prompt(int enabled) { answer_crash_prompt = enabled ? 1 : 0; }

/// Swift's crash reporter decides at load time (from SWIFT_BACKTRACE, read before main) whether
/// to ask "Press space to interact…" and then waits up to 30 s for a key on fd 0. A pipe
/// holding one newline in place of fd 0 answers "quit" at once; the terminal itself is untouched.
static void preanswer_crash_prompt(void) {
    int fds[2];
    if (pipe(fds) != 0) return;
    (void)write(fds[1], "\n", 1);
    close(fds[1]);
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
}

static void crash_handler(int signo, siginfo_t *info, void *context) {
    (void)context;
    ctg_restore();
    if (answer_crash_prompt) preanswer_crash_prompt();
    // Hand the signal to whoever had it before (Swift's crash reporter), or to the default
    // action, so that the report prints on the normal screen and the exit status tells the truth.
    struct sigaction previous = previous_actions[signo];
    if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler == SIG_IGN) previous.sa_handler = SIG_DFL;
    sigaction(signo, &previous, NULL);
    // A fault raised by the CPU happens again when the handler returns, now reaching the previous
    // handler with its real details. A signal sent by a process (abort, kill) or a trap that
    // does not repeat is sent again; it is delivered as soon as this handler returns.
    if (info == NULL || info->si_code <= 0 || signo == SIGTRAP || signo == SIGABRT) raise(signo);
}

static void quit_handler(int signo) {
    if (pending_signal == 0) {
        pending_signal = signo;
        return;
    }
    // The loop has not reacted to the first one: stop waiting for it.
    ctg_restore();
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signo, &fallback, NULL);
    raise(signo);
}

static void restore_at_exit(void) { ctg_restore(); }

void ctg_install_handlers(void) {
    static int registered_atexit = 0;
    if (!registered_atexit) {
        atexit(restore_at_exit);
        registered_atexit = 1;
    }
    if (handlers_installed) return;
    struct sigaction action;
    for (size_t i = 0; i < COUNT(crash_signals); i++) {
        memset(&action, 0, sizeof action);
        action.sa_sigaction = crash_handler;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        sigaction(crash_signals[i], &action, &previous_actions[crash_signals[i]]);
    }
    for (size_t i = 0; i < COUNT(quit_signals); i++) {
        memset(&action, 0, sizeof action);
        action.sa_handler = quit_handler;
        action.sa_flags = SA_RESTART;
        sigemptyset(&action.sa_mask);
        sigaction(quit_signals[i], &action, &previous_actions[quit_signals[i]]);
    }
    pending_signal = 0;
    handlers_installed = 1;
}

void ctg_uninstall_handlers(void) {
    if (!handlers_installed) return;
    for (size_t i = 0; i < COUNT(crash_signals); i++)
        sigaction(crash_signals[i], &previous_actions[crash_signals[i]], NULL);
    for (size_t i = 0; i < COUNT(quit_signals); i++)
        sigaction(quit_signals[i], &previous_actions[quit_signals[i]], NULL);
    handlers_installed = 0;
}

int ctg_capture_stderr(void) {
    if (saved_stderr >= 0 || !isatty(STDERR_FILENO)) return -1;
    const char *directory = getenv("TMPDIR");
    char path[4096];
    size_t length = (directory != NULL && directory[0] != '\0') ? strlen(directory) : 0;
    if (length == 0) { directory = "/tmp"; length = 4; }
    static const char name[] = "/confdash-stderr-XXXXXX";
    if (length + sizeof name > sizeof path) return -1;
    memcpy(path, directory, length);
    memcpy(path + length, name, sizeof name);
    int fd = mkostemp(path, O_CLOEXEC);
    if (fd < 0) return -1;
    unlink(path);
    int original = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    if (original < 0) { close(fd); return -1; }
    if (dup2(fd, STDERR_FILENO) < 0) { close(fd); close(original); return -1; }
    saved_stderr = original;
    capture_fd = fd;
    return 0;
}

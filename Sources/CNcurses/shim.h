#ifndef SIP_CNCURSES_SHIM_H
#define SIP_CNCURSES_SHIM_H
// SwiftPM drops -D_XOPEN_SOURCE from pkg-config, so ask for the wide-character API ourselves;
// without it get_wch, add_wch and mvaddwstr silently vanish.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals Swift cannot import.
static inline WINDOW *sip_stdscr(void) { return stdscr; }
static inline int sip_lines(void) { return LINES; }
static inline int sip_cols(void) { return COLS; }
static inline int sip_attr_reverse(void) { return (int)A_REVERSE; }
static inline int sip_attr_bold(void) { return (int)A_BOLD; }
static inline int sip_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int sip_attr_normal(void) { return (int)A_NORMAL; }
static inline int sip_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int sip_key_f(int n) { return KEY_F(n); }
static inline int sip_key_resize(void) { return KEY_RESIZE; }
static inline WINDOW *sip_curscr(void) { return curscr; }
// stdin/stdout are mutable C globals Swift 6 will not touch.
static inline SCREEN *sip_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
static inline int sip_key_code_yes(void) { return KEY_CODE_YES; }
// The terminal's colours from terminfo (COLORS is set only once start_color has run).
static inline int sip_colors(void) { int n = tigetnum("colors"); return n > 0 ? n : 0; }
// The locale's character set, after setlocale: "UTF-8", "ISO-8859-1", "ANSI_X3.4-1968" (C).
static inline const char *sip_codeset(void) { return nl_langinfo(CODESET); }
// Pseudo-terminals for `bench --sessions` (posix_openpt and POSIX_SPAWN_SETSID hide behind feature
// macros Swift's import does not set; ioctl is variadic).
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
// A new pseudo-terminal's master, unlocked, sized rows x cols; its slave's path in `name`. -1 on failure.
static inline int sip_open_pty(char *name, int size, int rows, int cols) {
    int fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return -1;
    int unlock = 0, number = 0;
    struct winsize window = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
    if (ioctl(fd, TIOCSPTLCK, &unlock) != 0 || ioctl(fd, TIOCGPTN, &number) != 0
        || ioctl(fd, TIOCSWINSZ, &window) != 0) {
        close(fd);
        return -1;
    }
    snprintf(name, (size_t)size, "/dev/pts/%d", number);
    return fd;
}
// posix_spawn's flag for a child that leads a session of its own (glibc 2.26 and later: 0x80).
static inline short sip_spawn_setsid(void) {
#ifdef POSIX_SPAWN_SETSID
    return POSIX_SPAWN_SETSID;
#else
    return 0x80;
#endif
}
// Gives the heap's free pages back to the kernel, which glibc keeps otherwise: called once the user
// pauses, so that an idle session holds only the memory it uses (`bench --sessions`).
static inline void sip_release_free_memory(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
#endif

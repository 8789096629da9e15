#define _GNU_SOURCE
#include "CTerminalGuard.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static struct timespec load_time;

__attribute__((constructor)) static void ctg_record_load_time(void) {
    clock_gettime(CLOCK_MONOTONIC, &load_time);
}

static double milliseconds_between(struct timespec from, struct timespec to) {
    return (double)(to.tv_sec - from.tv_sec) * 1000.0 + (double)(to.tv_nsec - from.tv_nsec) / 1e6;
}

double ctg_ms_since_load(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return milliseconds_between(load_time, now);
}

double ctg_ms_since_exec(void) {
    // Field 22 of /proc/self/stat is the start time in clock ticks since boot; the second field
    // (the command name) may contain spaces and parentheses, so count from the last ')'.
    char buffer[1024];
    int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t count = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    if (count <= 0) return -1;
    buffer[count] = '\0';
    char *cursor = strrchr(buffer, ')');
    if (cursor == NULL) return -1;
    cursor++;
    for (int field = 3; field < 22; field++) {
        cursor = strchr(cursor + 1, ' ');
        if (cursor == NULL) return -1;
    }
    unsigned long long ticks = strtoull(cursor + 1, NULL, 10);
    long ticks_per_second = sysconf(_SC_CLK_TCK);
    if (ticks_per_second <= 0) return -1;
    struct timespec now;
    clock_gettime(CLOCK_BOOTTIME, &now);
    double started = (double)ticks * 1000.0 / (double)ticks_per_second;
    return (double)now.tv_sec * 1000.0 + (double)now.tv_nsec / 1e6 - started;
}

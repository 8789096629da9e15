#if os(Linux) && canImport(Glibc)
/// glibc's `int malloc_trim(size_t pad)`, which its Swift module does not bring in.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32

/// glibc's `int mallopt(int param, int value)`.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Gives the memory a finished stage of reading has freed back to the system.
///
/// A large schedule is read in stages that each let the previous one's values go (drafts, then
/// entries, then sessions); the allocator keeps what was freed for later use, so the process's
/// resident size is the sum of the stages' peaks rather than the largest (issue 13: 100,000
/// sessions peaked at 3.8 times the file's size). `malloc_trim` hands the free pages back
/// (glibc; elsewhere there is nothing to do).
enum FreedMemory {
    static func giveBack() {
        #if os(Linux) && canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }

    /// Threads that allocate for the first time from now on share the arenas that exist (the
    /// main one) instead of each getting its own (glibc's `M_ARENA_MAX`, which then holds for
    /// the rest of the process). For a large schedule.xml read in two parts: the second part's
    /// drafts, made on a worker thread, went into an arena of their own, and the sessions built
    /// from them on the main thread could not take their places once freed: 100,000 sessions
    /// peaked at 212 MB instead of 190 MB. glibc keeps a small cache per thread, so the two
    /// readers rarely wait for each other's allocations.
    static func shareArenas() {
        #if os(Linux) && canImport(Glibc)
        _ = glibcMallopt(-8 /* M_ARENA_MAX */, 1)
        #endif
    }
}

#if os(Linux) && canImport(Glibc)
/// glibc's `int malloc_trim(size_t pad)`, which its Swift module does not bring in.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
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
}

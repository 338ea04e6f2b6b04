//! Process-wide settings made once at start-up.

/// Large blocks go back to the system when freed. Each PIN check allocates Argon2's ~19 MiB;
/// glibc's adaptive threshold would keep serving such blocks from per-thread arenas that
/// never shrink, so a burst of logins left the server tens of MB larger for good. With a fixed
/// 1 MiB threshold every such block is its own mapping, returned on free.
pub fn return_large_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const ONE_MIB: libc::c_int = 1024 * 1024;
        // SAFETY: mallopt only changes allocator tuning; it is called before any other thread
        // exists, and a refusal (returns 0) just leaves the default behaviour.
        let _ = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, ONE_MIB) };
    }
}

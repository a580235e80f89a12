// The C library, in one place for the whole package: every module imports FirstbootEngine,
// which re-exports it. Glibc (Linux, and FreeBSD's libc in today's FreeBSD toolchains), Musl,
// a module of FreeBSD's own where a toolchain gives it one (proposed upstream), Darwin;
// anything else is a platform this project has not been ported to, and says so when built.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(FreeBSD)
@_exported import FreeBSD
#elseif canImport(Darwin)
@_exported import Darwin
#else
#error("no C library module for this platform: add it to Sources/FirstbootEngine/CLibrary.swift")
#endif

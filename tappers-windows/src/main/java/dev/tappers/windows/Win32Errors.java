package dev.tappers.windows;

import java.util.Map;
import java.util.Optional;

/**
 * Names of the Win32 error codes wintun, tap-windows6 and IP Helper return (winerror.h), with a hint where the
 * user can act. Numbers: golang/sys {@code windows/zerrors_windows.go} @e8c1c32, and PLATFORMS.md section 9.
 * IP Helper returns these as its DWORD result; wintun and CreateFileW leave them in GetLastError().
 */
final class Win32Errors {

    private Win32Errors() {
    }

    static final int ERROR_SUCCESS = 0;
    static final int ERROR_INVALID_FUNCTION = 1;
    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_PATH_NOT_FOUND = 3;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_INVALID_HANDLE = 6;
    static final int ERROR_NOT_ENOUGH_MEMORY = 8;
    /** wintun: the ring is corrupt. */
    static final int ERROR_INVALID_DATA = 13;
    static final int ERROR_OUTOFMEMORY = 14;
    static final int ERROR_GEN_FAILURE = 31;
    /** wintun: the adapter is terminating. */
    static final int ERROR_HANDLE_EOF = 38;
    static final int ERROR_NOT_SUPPORTED = 50;
    static final int ERROR_DEV_NOT_EXIST = 55;
    static final int ERROR_FILE_EXISTS = 80;
    static final int ERROR_INVALID_PARAMETER = 87;
    /** wintun: the send ring is full; GetAdaptersAddresses: retry with a larger buffer. */
    static final int ERROR_BUFFER_OVERFLOW = 111;
    static final int ERROR_INSUFFICIENT_BUFFER = 122;
    static final int ERROR_INVALID_NAME = 123;
    /** LoadLibraryEx: wintun.dll is missing. */
    static final int ERROR_MOD_NOT_FOUND = 126;
    /** GetProcAddress: a wrong export name. */
    static final int ERROR_PROC_NOT_FOUND = 127;
    static final int ERROR_ALREADY_EXISTS = 183;
    /** wintun: the receive ring is empty; wait on the read event. */
    static final int ERROR_NO_MORE_ITEMS = 259;
    static final int ERROR_ELEVATION_REQUIRED = 740;
    static final int ERROR_OPERATION_ABORTED = 995;
    static final int ERROR_IO_PENDING = 997;
    static final int ERROR_NOT_FOUND = 1168;
    static final int ERROR_DEVICE_NOT_AVAILABLE = 4319;
    /** CreateUnicastIpAddressEntry / CreateIpForwardEntry2: the address or route is already there. */
    static final int ERROR_OBJECT_ALREADY_EXISTS = 5010;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(ERROR_SUCCESS, "ERROR_SUCCESS"),
            Map.entry(ERROR_INVALID_FUNCTION, "ERROR_INVALID_FUNCTION"),
            Map.entry(ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND"),
            Map.entry(ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND"),
            Map.entry(ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED"),
            Map.entry(ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE"),
            Map.entry(ERROR_NOT_ENOUGH_MEMORY, "ERROR_NOT_ENOUGH_MEMORY"),
            Map.entry(ERROR_INVALID_DATA, "ERROR_INVALID_DATA"),
            Map.entry(ERROR_OUTOFMEMORY, "ERROR_OUTOFMEMORY"),
            Map.entry(ERROR_GEN_FAILURE, "ERROR_GEN_FAILURE"),
            Map.entry(ERROR_HANDLE_EOF, "ERROR_HANDLE_EOF"),
            Map.entry(ERROR_NOT_SUPPORTED, "ERROR_NOT_SUPPORTED"),
            Map.entry(ERROR_DEV_NOT_EXIST, "ERROR_DEV_NOT_EXIST"),
            Map.entry(ERROR_FILE_EXISTS, "ERROR_FILE_EXISTS"),
            Map.entry(ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER"),
            Map.entry(ERROR_BUFFER_OVERFLOW, "ERROR_BUFFER_OVERFLOW"),
            Map.entry(ERROR_INSUFFICIENT_BUFFER, "ERROR_INSUFFICIENT_BUFFER"),
            Map.entry(ERROR_INVALID_NAME, "ERROR_INVALID_NAME"),
            Map.entry(ERROR_MOD_NOT_FOUND, "ERROR_MOD_NOT_FOUND"),
            Map.entry(ERROR_PROC_NOT_FOUND, "ERROR_PROC_NOT_FOUND"),
            Map.entry(ERROR_ALREADY_EXISTS, "ERROR_ALREADY_EXISTS"),
            Map.entry(ERROR_NO_MORE_ITEMS, "ERROR_NO_MORE_ITEMS"),
            Map.entry(ERROR_ELEVATION_REQUIRED, "ERROR_ELEVATION_REQUIRED"),
            Map.entry(ERROR_OPERATION_ABORTED, "ERROR_OPERATION_ABORTED"),
            Map.entry(ERROR_IO_PENDING, "ERROR_IO_PENDING"),
            Map.entry(ERROR_NOT_FOUND, "ERROR_NOT_FOUND"),
            Map.entry(ERROR_DEVICE_NOT_AVAILABLE, "ERROR_DEVICE_NOT_AVAILABLE"),
            Map.entry(ERROR_OBJECT_ALREADY_EXISTS, "ERROR_OBJECT_ALREADY_EXISTS"));

    /** The symbolic name of {@code code}, or "Win32 error N" for one not in the table. */
    static String name(int code) {
        String name = NAMES.get(code);
        return name != null ? name : "Win32 error " + code;
    }

    /** What the user can do about {@code code}, when there is something useful to say. */
    static Optional<String> hint(int code) {
        switch (code) {
            case ERROR_ACCESS_DENIED:
            case ERROR_ELEVATION_REQUIRED:
                return Optional.of("needs Administrator");
            case ERROR_MOD_NOT_FOUND:
                return Optional.of("wintun.dll was not found next to the application or on the DLL search path");
            case ERROR_FILE_NOT_FOUND:
            case ERROR_NOT_FOUND:
            case ERROR_DEV_NOT_EXIST:
                return Optional.of("no such adapter");
            case ERROR_ALREADY_EXISTS:
            case ERROR_OBJECT_ALREADY_EXISTS:
                return Optional.of("already exists");
            default:
                return Optional.empty();
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Time limits for the tests, stretched when the code runs slower than usual.
public enum TestTime {
    /// `DATELINE_TEST_TIME_SCALE` (a whole number, default 1): `scripts/test-sanitize.sh` sets it, as code built
    /// with a sanitizer runs several times slower. Only for limits that guard against hangs, never to assert speed.
    public static let scale: Int = {
        guard let text = getenv("DATELINE_TEST_TIME_SCALE") else { return 1 }
        return max(1, Int(String(cString: text)) ?? 1)
    }()

    /// `minutes`, times `scale`: for `.timeLimit(.minutes(TestTime.minutes(5)))`.
    public static func minutes(_ minutes: Int) -> Int { minutes * scale }
}

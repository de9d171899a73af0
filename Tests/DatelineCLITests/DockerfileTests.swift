import Foundation
import Testing

/// The Dockerfile cannot be built here (no Docker engine), so it is held to what can be checked: hadolint,
/// and agreement with the Makefile and scripts/install-deps.sh, which `make test` does build with.
@Suite("Dockerfile", .timeLimit(.minutes(2)))
struct DockerfileTests {
    let dockerfile = try! Dockerfile(text: RepositoryFiles.text("Dockerfile"))

    @Test("hadolint finds nothing, not even style or info")
    func hadolint() throws {
        let (status, output) = try runTool(["hadolint", "--no-color", "--failure-threshold", "style", "Dockerfile"])
        #expect(status == 0, "\(output)")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(output)")
    }

    @Test("The build stage installs exactly install-deps.sh's build packages")
    func buildPackages() throws {
        let script = try RepositoryFiles.text("scripts/install-deps.sh")
        let match = try #require(script.firstMatch(of: /build_packages=\(([^)]*)\)/), "no build_packages=(…) in install-deps.sh")
        let wanted = Set(match.1.split(separator: " ").map(String.init))
        #expect(Set(try dockerfile.aptPackages(stage: 0)) == wanted)
    }

    @Test("swift build uses the Makefile's release flags plus --static-swift-stdlib")
    func buildFlags() throws {
        let makefile = try RepositoryFiles.text("Makefile")
        let recipe = try #require(makefile.firstMatch(of: /\nrelease:[^\n]*\n\t\$\(SWIFT\) build ([^\n]*)\n/), "no release target in the Makefile")
        let makeFlags = recipe.1.split(separator: " ").map(String.init)
        let build = try #require(dockerfile.stages[0].first { $0.hasPrefix("RUN swift build") }, "no RUN swift build")
        let dockerFlags = build.dropFirst("RUN swift build ".count).prefix { $0 != "&" }.split(separator: " ").map(String.init)
        #expect(dockerFlags == makeFlags + ["--static-swift-stdlib"])
    }

    @Test("The runtime installs exactly the shared libraries of the build stage's -dev packages")
    func runtimeLibraries() throws {
        var libraries: Set<String> = []
        for package in try dockerfile.aptPackages(stage: 0) where package.hasSuffix("-dev") {
            // A -dev package depends on its runtime library at exactly its own version: "libpq5 (= 15.18-0+deb12u1)".
            let (status, depends) = try runTool(["dpkg-query", "-W", "-f=${Depends}", package])
            try #require(status == 0, "\(package) is not installed: scripts/install-deps.sh build installs it")
            for dependency in depends.split(separator: ",") {
                let name = dependency.trimmingCharacters(in: .whitespaces).prefix { $0 != " " }
                if dependency.contains("(= "), !name.hasSuffix("-dev") { libraries.insert(String(name)) }
            }
        }
        #expect(libraries.count >= 4)
        #expect(Set(try dockerfile.aptPackages(stage: 1)) == libraries)
    }

    @Test("Two stages on the same Debian release; a non-root user, Public/, port 8080, healthcheck, all interfaces")
    func runtimeShape() throws {
        #expect(dockerfile.stages.count == 2)
        let build = try #require(dockerfile.stages.first?.first)
        let runtime = try #require(dockerfile.stages.last?.first)
        #expect(build.hasPrefix("FROM swift:6") && build.contains("-bookworm AS build"))
        #expect(runtime == "FROM debian:bookworm-slim")
        let instructions = try #require(dockerfile.stages.last)
        let user = try #require(instructions.first { $0.hasPrefix("USER ") })
        #expect(!user.hasPrefix("USER 0") && !user.hasPrefix("USER root"))
        #expect(instructions.contains { $0.hasPrefix("COPY Public ") })
        #expect(instructions.contains("EXPOSE 8080"))
        let check = try #require(instructions.first { $0.hasPrefix("HEALTHCHECK ") })
        #expect(check.hasSuffix(#"CMD ["dateline", "healthcheck"]"#))
        let command = try #require(instructions.first { $0.hasPrefix("CMD ") })
        #expect(command.contains(#""--host", "0.0.0.0""#))
    }
}

/// A Dockerfile's instructions, continuation lines joined and comments dropped, split into stages.
struct Dockerfile {
    var stages: [[String]] = []

    init(text: String) {
        var instruction = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            if trimmed.hasSuffix("\\") {
                instruction += trimmed.dropLast().trimmingCharacters(in: .whitespaces) + " "
                continue
            }
            instruction += trimmed
            if !instruction.isEmpty {
                if instruction.hasPrefix("FROM ") { stages.append([]) }
                if !stages.isEmpty { stages[stages.count - 1].append(instruction) }
            }
            instruction = ""
        }
    }

    /// The packages of the stage's `apt-get install … --no-install-recommends …` (up to the next `&&`).
    func aptPackages(stage: Int) throws -> [String] {
        let run = try #require(stages[stage].first { $0.contains("apt-get install") }, "stage \(stage) installs nothing")
        let words = run.split(separator: " ").map(String.init)
        let start = try #require(words.firstIndex(of: "--no-install-recommends"))
        return Array(words[(start + 1)...].prefix { $0 != "&&" })
    }
}

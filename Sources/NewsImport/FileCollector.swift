import Foundation

/// Expands the paths given on the command line: files as they are, folders
/// recursively, in a stable order. Hidden files and folders are skipped, as a
/// person would expect of `import fixtures/`.
public enum FileCollector {

    public static func collect(_ paths: [String]) -> (files: [String], missing: [String]) {
        var files: [String] = []
        var missing: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(path)
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            let base = URL(fileURLWithPath: path)
            if let walker = manager.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                               options: [.skipsHiddenFiles]) {
                for case let url as URL in walker {
                    if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                        found.append(path.hasSuffix("/") ? path + relative(url, to: base)
                                                         : path + "/" + relative(url, to: base))
                    }
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, missing)
    }

    private static func relative(_ url: URL, to base: URL) -> String {
        let full = url.standardizedFileURL.path
        let root = base.standardizedFileURL.path
        return full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : url.lastPathComponent
    }
}

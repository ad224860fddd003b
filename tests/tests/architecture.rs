//! Architecture invariants that a reviewer could miss, checked on the real dependency graph.

use std::process::Command;

fn dependencies(package: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(wpplay_e2e::workspace_root())
        .args([
            "tree",
            "--offline",
            "-p",
            package,
            "-e",
            "normal",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

fn check(package: &str, forbidden: &[&str]) {
    let deps = dependencies(package);
    assert!(
        deps.iter().any(|d| d == package),
        "cargo tree lists {package} itself: {deps:?}"
    );
    let found: Vec<&String> = deps
        .iter()
        .filter(|d| {
            forbidden
                .iter()
                .any(|f| d == f || d.starts_with(&format!("{f}-")))
        })
        .collect();
    assert!(found.is_empty(), "{package} must not depend on {found:?}");
}

#[test]
fn the_domain_crate_does_no_io() {
    check(
        "wpplay-domain",
        &[
            "tokio", "sea-orm", "sqlx", "axum", "hyper", "reqwest", "tauri", "lettre", "keyring",
        ],
    );
}

#[test]
fn the_wire_types_do_no_io() {
    check(
        "wpplay-wire",
        &["tokio", "sea-orm", "sqlx", "axum", "reqwest", "tauri"],
    );
}

#[test]
fn the_desktop_core_does_not_know_tauri_or_the_server() {
    check(
        "wpplay-desktop",
        &["tauri", "wry", "tao", "axum", "wpplay-server"],
    );
}

#[test]
fn only_the_server_serves_http() {
    check("wpplay-desktop-app", &["axum", "wpplay-server"]);
}

#[test]
fn the_check_sees_real_dependencies() {
    let deps = dependencies("wpplay-server");
    assert!(
        deps.iter().any(|d| d == "axum") && deps.iter().any(|d| d == "sea-orm"),
        "a control: the server does use axum and sea-orm: {deps:?}"
    );
}

/// The domain crate reads no file, no environment and no network: time and randomness
/// come in as values (the clocks that read the real time live in `wpplay-clock`).
#[test]
fn the_domain_crate_touches_no_file_environment_or_network() {
    let src = wpplay_e2e::workspace_root().join("crates/wpplay-domain/src");
    let mut found = Vec::new();
    for file in rust_files(&src) {
        let text = std::fs::read_to_string(&file).expect("a domain source file");
        for (n, line) in text.lines().enumerate() {
            for api in [
                "std::fs",
                "std::env",
                "std::net",
                "std::process",
                "SystemTime",
                "Utc::now",
            ] {
                if line.contains(api) {
                    found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the domain must do no IO, yet:\n{}",
        found.join("\n")
    );
}

/// No module imports another that imports it back, in any crate of the workspace.
#[test]
fn no_module_imports_one_that_imports_it_back() {
    let root = wpplay_e2e::workspace_root();
    let mut report = Vec::new();
    for krate in CRATES {
        for cycle in imports::cycles(&root.join(krate)) {
            report.push(format!("{krate}: {cycle}"));
        }
    }
    assert!(report.is_empty(), "import cycles:\n{}", report.join("\n\n"));
}

/// A control: the check finds a cycle it is shown, and none in a tree without one.
#[test]
fn the_cycle_check_sees_a_cycle() {
    let scratch = tempfile::tempdir().expect("a scratch folder");
    let dir = scratch.path().to_path_buf();
    let write = |path: &str, text: &str| {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().expect("a parent")).expect("the folder");
        std::fs::write(file, text).expect("write");
    };
    write("src/lib.rs", "mod a;\nmod b;\nmod c;\n");
    write("src/a.rs", "use crate::b::Thing;\n");
    write(
        "src/b.rs",
        "pub struct Thing;\npub fn f() { crate::c::g() }\n",
    );
    write(
        "src/c.rs",
        "pub fn g() {}\n#[cfg(test)]\nmod tests { use crate::a::*; }\n",
    );
    assert!(
        imports::cycles(&dir).is_empty(),
        "a → b → c is no cycle (tests excluded)"
    );
    write("src/c.rs", "use super::{a::{self, X}};\npub fn g() {}\n");
    let cycles = imports::cycles(&dir);
    assert_eq!(cycles.len(), 1, "a → b → c → a is one cycle: {cycles:?}");
    write("src/c.rs", "pub fn g() {}\n");
    write("src/a/mod.rs", "mod child;\nfn f() { child::run() }\n");
    std::fs::remove_file(dir.join("src/a.rs")).expect("remove a.rs");
    write("src/a/child.rs", "use super::helper;\npub fn run() {}\n");
    assert_eq!(
        imports::cycles(&dir).len(),
        1,
        "a parent and its child using each other"
    );
}

const CRATES: &[&str] = &[
    "crates/wpplay-domain",
    "crates/wpplay-clock",
    "crates/wpplay-wire",
    "crates/wpplay-server",
    "crates/wpplay-desktop",
    "migrations",
    "src-tauri",
    "tests",
];

/// The Rust code that writes to people: e-mails, SMS, notifications, the invoice PDF,
/// the tray, the app's own alerts and exported files. Its words come from the catalogs
/// (`locales/`), so none of it may hold an English phrase of its own. (Error messages
/// are not here: people read errors by their code.)
const MESSAGE_BUILDERS: &[&str] = &[
    "crates/wpplay-server/src/registration/messages.rs",
    "crates/wpplay-server/src/billing/lifecycle.rs",
    "crates/wpplay-server/src/billing/pdf.rs",
    "crates/wpplay-server/src/billing/purge.rs",
    "crates/wpplay-server/src/delivery/mod.rs",
    "crates/wpplay-desktop/src/core/alerts.rs",
    "crates/wpplay-desktop/src/core/tray.rs",
    "crates/wpplay-desktop/src/core/export.rs",
];

/// The string literals of `code` (comments and `#[cfg(test)]` code left out) that hold
/// a phrase: two words of letters in a row. The product's names are not phrases, nor
/// are lines that write to the log or build an internal error; a comment that ends in
/// `(not translated)`, on the line or above its literal, says why one is not (a field of
/// a banking standard, an error's message, which the app words by its code).
fn phrases(code: &str) -> Vec<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or_default();
    let mut found = Vec::new();
    let mut marked = false;
    for line in code.lines() {
        let (line, comment) = line.split_once("//").unwrap_or((line, ""));
        // A mark covers its own line, else the next line that holds a literal.
        let mark = comment.contains("(not translated)");
        let skip = mark || (marked && line.contains('"'));
        marked = (marked || mark) && !line.contains('"');
        let internal = [
            "tracing::",
            "anyhow!",
            "bail!",
            ".context(",
            "expect(",
            "DbErr::Custom",
        ];
        if skip || internal.iter().any(|m| line.contains(m)) {
            continue;
        }
        let line = line
            .replace("WP Play Partner Desk", "")
            .replace("WP Play", "");
        for (i, literal) in line.split('"').enumerate() {
            let words: Vec<&str> = literal.split(' ').collect();
            let phrase = words.windows(2).any(|w| {
                w.iter()
                    .all(|word| word.len() >= 2 && word.chars().all(char::is_alphabetic))
            });
            if i % 2 == 1 && phrase {
                found.push(literal.to_owned());
            }
        }
    }
    found
}

#[test]
fn the_code_that_writes_to_people_takes_its_words_from_the_catalogs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    for file in MESSAGE_BUILDERS {
        let code = std::fs::read_to_string(root.join(file)).expect("a message builder");
        found.extend(
            phrases(&code)
                .into_iter()
                .map(|p| format!("{file}: \"{p}\"")),
        );
    }
    assert!(
        found.is_empty(),
        "English of their own, not from locales/: {found:#?}"
    );
    assert_eq!(
        phrases("let a = \"en\"; let b = format!(\"Your trial ends {x}\");"),
        ["Your trial ends {x}"],
        "the check sees a phrase"
    );
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Which file imports which, read from the `crate::`, `super::` and `self::` paths (in
/// `use` declarations and in code) and from paths through a module's own children;
/// `mod x;` declarations are not imports, nor is test-only code.
mod imports {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    /// Each cycle as "a.rs → b.rs (names) → …", for the crate whose folder is `dir`.
    pub fn cycles(dir: &Path) -> Vec<String> {
        let modules = modules(dir);
        let files: BTreeMap<&Vec<String>, &PathBuf> = modules.iter().collect();
        let mut edges: BTreeMap<Vec<String>, BTreeMap<Vec<String>, BTreeSet<String>>> =
            BTreeMap::new();
        for (module, file) in &modules {
            let text = code_of(&std::fs::read_to_string(file).expect("a source file"));
            for path in paths(&text, module, &modules) {
                if let Some((target, name)) = resolve(&path, &modules)
                    && &target != module
                {
                    edges
                        .entry(module.clone())
                        .or_default()
                        .entry(target)
                        .or_default()
                        .insert(name);
                }
            }
        }
        strongly_connected(&modules.keys().cloned().collect::<Vec<_>>(), &edges)
            .into_iter()
            .filter(|c| c.len() > 1)
            .map(|cycle| {
                let set: BTreeSet<&Vec<String>> = cycle.iter().collect();
                let mut lines = Vec::new();
                for from in &cycle {
                    for (to, names) in edges.get(from).into_iter().flatten() {
                        if set.contains(to) {
                            let names: Vec<&str> = names.iter().map(String::as_str).collect();
                            lines.push(format!(
                                "  {} → {}: {}",
                                short(dir, files[from]),
                                short(dir, files[to]),
                                names.join(", ")
                            ));
                        }
                    }
                }
                format!("{} files\n{}", cycle.len(), lines.join("\n"))
            })
            .collect()
    }

    fn short(dir: &Path, file: &Path) -> String {
        file.strip_prefix(dir).unwrap_or(file).display().to_string()
    }

    /// Module path → file, for the library (or, without one, the binary) under `dir/src`.
    fn modules(dir: &Path) -> BTreeMap<Vec<String>, PathBuf> {
        let src = dir.join("src");
        let root = if src.join("lib.rs").exists() {
            "lib.rs"
        } else {
            "main.rs"
        };
        let mut out = BTreeMap::new();
        for file in super::rust_files(&src) {
            let rel = file.strip_prefix(&src).expect("under src");
            let parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts[0] == "bin"
                || (parts.len() == 1
                    && (parts[0] == "lib.rs" || parts[0] == "main.rs")
                    && parts[0] != root)
            {
                continue;
            }
            let mut module: Vec<String> = parts.clone();
            let last = module.pop().expect("a file name");
            match last.as_str() {
                "mod.rs" => {}
                "lib.rs" | "main.rs" if module.is_empty() => {}
                other => module.push(other.trim_end_matches(".rs").to_owned()),
            }
            out.insert(module, file);
        }
        out
    }

    /// The text without comments, string literals and test-only modules.
    fn code_of(text: &str) -> String {
        // A test module (`#[cfg(test)]`, `#[cfg(all(test, unix))]`, …) ends the file's code.
        let test_module = text.match_indices("#[cfg(").find_map(|(at, _)| {
            let attribute = &text[at..at + text[at..].find(']')? + 1];
            let is_test = attribute.contains("test") && !attribute.contains("not(test");
            let next = text[at + attribute.len()..].trim_start();
            (is_test && (next.starts_with("mod ") || next.starts_with("pub mod "))).then_some(at)
        });
        let text = &text[..test_module.unwrap_or(text.len())];
        let mut out = String::with_capacity(text.len());
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i..].starts_with(b"//") {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            } else if b[i..].starts_with(b"/*") {
                i += 2;
                while i < b.len() && !b[i..].starts_with(b"*/") {
                    i += 1;
                }
                i += 2;
            } else if b[i] == b'"' {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            } else if b[i] == b'\''
                && i + 2 < b.len()
                && (b[i + 2] == b'\'' || (b[i + 1] == b'\\' && i + 3 < b.len()))
            {
                // A char literal ('x' or '\n'); a lifetime has no closing quote.
                let from = if b[i + 1] == b'\\' { i + 3 } else { i + 1 };
                let end = text[from..].find('\'').map_or(i + 1, |e| from + e + 1);
                i = end;
            } else {
                out.push(b[i] as char);
                i += 1;
            }
        }
        out
    }

    /// Every absolute module path named in `text` of `module`: use trees expanded, and
    /// inline `crate::`/`super::`/`self::`/child paths.
    fn paths(
        text: &str,
        module: &[String],
        modules: &BTreeMap<Vec<String>, PathBuf>,
    ) -> Vec<Vec<String>> {
        let children: BTreeSet<String> = modules
            .keys()
            .filter(|m| m.len() == module.len() + 1 && m.starts_with(module))
            .map(|m| m[module.len()].clone())
            .collect();
        let mut raw: Vec<Vec<String>> = Vec::new();
        // Use declarations, possibly spread over lines.
        let mut rest = text;
        while let Some(at) = find_word(rest, "use") {
            let after = &rest[at + 3..];
            let Some(end) = after.find(';') else { break };
            let tree = after[..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let tree = ["::", "{", "}", ","].iter().fold(tree, |t, p| {
                t.replace(&format!(" {p}"), p).replace(&format!("{p} "), p)
            });
            expand(&tree, &mut Vec::new(), &mut raw);
            rest = &after[end..];
        }
        // Inline paths.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i] as char;
            let starts = (c.is_ascii_alphabetic() || c == '_')
                && (i == 0
                    || !(bytes[i - 1] as char).is_ascii_alphanumeric()
                        && bytes[i - 1] != b'_'
                        && bytes[i - 1] != b':');
            if starts {
                let mut j = i;
                while j < bytes.len()
                    && ((bytes[j] as char).is_ascii_alphanumeric()
                        || bytes[j] == b'_'
                        || bytes[j] == b':')
                {
                    j += 1;
                }
                let segs: Vec<String> = text[i..j]
                    .split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                if segs.len() > 1 {
                    raw.push(segs);
                }
                i = j.max(i + 1);
            } else {
                i += 1;
            }
        }
        raw.into_iter()
            .filter_map(|segs| {
                let first = segs[0].as_str();
                let (mut base, tail): (Vec<String>, &[String]) = match first {
                    "crate" => (Vec::new(), &segs[1..]),
                    "self" => (module.to_vec(), &segs[1..]),
                    "super" => (module.to_vec(), &segs[..]),
                    _ if children.contains(first) => (module.to_vec(), &segs[..]),
                    _ => return None,
                };
                let mut tail = tail;
                while tail.first().is_some_and(|s| s == "super") {
                    base.pop()?;
                    tail = &tail[1..];
                }
                base.extend(tail.iter().filter(|s| *s != "self").cloned());
                Some(base)
            })
            .collect()
    }

    fn find_word(text: &str, word: &str) -> Option<usize> {
        let mut from = 0;
        while let Some(at) = text[from..].find(word) {
            let at = from + at;
            let before = text[..at].chars().last();
            let after = text[at + word.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            if boundary(before) && after.is_some_and(char::is_whitespace) {
                return Some(at);
            }
            from = at + word.len();
        }
        None
    }

    /// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e` (aliases dropped).
    fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        if let Some(open) = tree.find('{') {
            let head: Vec<String> = tree[..open]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let depth = prefix.len();
            prefix.extend(head);
            let mut level = 0;
            let mut start = 0;
            for (k, c) in inner.char_indices() {
                match c {
                    '{' => level += 1,
                    '}' => level -= 1,
                    ',' if level == 0 => {
                        expand(&inner[start..k], prefix, out);
                        start = k + 1;
                    }
                    _ => {}
                }
            }
            expand(&inner[start..], prefix, out);
            prefix.truncate(depth);
        } else {
            let name = tree.split(" as ").next().unwrap_or(tree);
            let mut path = prefix.clone();
            path.extend(
                name.split("::")
                    .filter(|s| !s.is_empty() && *s != "*")
                    .map(str::to_owned),
            );
            if !path.is_empty() {
                out.push(path);
            }
        }
    }

    /// The module a path names (its longest known prefix) and the name taken from it.
    fn resolve(
        path: &[String],
        modules: &BTreeMap<Vec<String>, PathBuf>,
    ) -> Option<(Vec<String>, String)> {
        (0..=path.len()).rev().find_map(|n| {
            let prefix = path[..n].to_vec();
            modules.contains_key(&prefix).then(|| {
                let name = path.get(n).cloned().unwrap_or_else(|| "*".into());
                (prefix, name)
            })
        })
    }

    /// Tarjan's strongly connected components.
    fn strongly_connected(
        nodes: &[Vec<String>],
        edges: &BTreeMap<Vec<String>, BTreeMap<Vec<String>, BTreeSet<String>>>,
    ) -> Vec<Vec<Vec<String>>> {
        struct State<'a> {
            edges: &'a BTreeMap<Vec<String>, BTreeMap<Vec<String>, BTreeSet<String>>>,
            index: BTreeMap<Vec<String>, usize>,
            low: BTreeMap<Vec<String>, usize>,
            stack: Vec<Vec<String>>,
            on_stack: BTreeSet<Vec<String>>,
            out: Vec<Vec<Vec<String>>>,
        }
        fn visit(s: &mut State, v: &Vec<String>) {
            let n = s.index.len();
            s.index.insert(v.clone(), n);
            s.low.insert(v.clone(), n);
            s.stack.push(v.clone());
            s.on_stack.insert(v.clone());
            let targets: Vec<Vec<String>> = s
                .edges
                .get(v)
                .map(|t| t.keys().cloned().collect())
                .unwrap_or_default();
            for w in targets {
                if !s.index.contains_key(&w) {
                    visit(s, &w);
                    let low = s.low[v].min(s.low[&w]);
                    s.low.insert(v.clone(), low);
                } else if s.on_stack.contains(&w) {
                    let low = s.low[v].min(s.index[&w]);
                    s.low.insert(v.clone(), low);
                }
            }
            if s.low[v] == s.index[v] {
                let mut component = Vec::new();
                while let Some(w) = s.stack.pop() {
                    s.on_stack.remove(&w);
                    let done = &w == v;
                    component.push(w);
                    if done {
                        break;
                    }
                }
                s.out.push(component);
            }
        }
        let mut s = State {
            edges,
            index: BTreeMap::new(),
            low: BTreeMap::new(),
            stack: Vec::new(),
            on_stack: BTreeSet::new(),
            out: Vec::new(),
        };
        for v in nodes {
            if !s.index.contains_key(v) {
                visit(&mut s, v);
            }
        }
        s.out
    }
}

//! Desktop releases: what a release target is called and which version is newer.
//!
//! A target names the platform and the installer an app was installed from,
//! `{os}-{arch}-{installer}` (`linux-x86_64-deb`, `windows-x86_64-nsis`,
//! `darwin-aarch64-app`), so a `.deb` install is only ever offered a `.deb`.

use std::cmp::Ordering;

const OSES: [&str; 3] = ["linux", "windows", "darwin"];
const ARCHES: [&str; 4] = ["x86_64", "aarch64", "i686", "armv7"];
const INSTALLERS: [&str; 6] = ["deb", "rpm", "appimage", "nsis", "msi", "app"];

/// Is `target` a known `{os}-{arch}-{installer}`?
pub fn is_valid_target(target: &str) -> bool {
    let mut parts = target.splitn(3, '-');
    let (Some(os), Some(arch), Some(installer)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    OSES.contains(&os) && ARCHES.contains(&arch) && INSTALLERS.contains(&installer)
}

/// A semantic version `MAJOR.MINOR.PATCH[-PRERELEASE]` (build metadata is ignored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
    pub pre: Vec<String>,
}

impl Version {
    /// Parses `1.2.3`, `1.2.3-beta.2`, `v1.2.3`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let s = s.strip_prefix('v').unwrap_or(s);
        if s.is_empty() || s.len() > 64 {
            return None;
        }
        let s = s.split('+').next()?;
        let (core, pre) = match s.split_once('-') {
            Some((core, pre)) => (core, Some(pre)),
            None => (s, None),
        };
        let mut nums = core.split('.');
        let number = |p: Option<&str>| -> Option<u64> {
            let p = p?;
            // No leading zeros, digits only.
            if p.is_empty()
                || (p.len() > 1 && p.starts_with('0'))
                || !p.bytes().all(|b| b.is_ascii_digit())
            {
                return None;
            }
            p.parse().ok()
        };
        let (major, minor, patch) = (
            number(nums.next())?,
            number(nums.next())?,
            number(nums.next())?,
        );
        if nums.next().is_some() {
            return None;
        }
        let pre = match pre {
            None => Vec::new(),
            Some(p) => {
                let ids: Vec<String> = p.split('.').map(str::to_owned).collect();
                if ids.iter().any(|i| {
                    i.is_empty() || !i.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                }) {
                    return None;
                }
                ids
            }
        };
        Some(Self {
            major,
            minor,
            patch,
            pre,
        })
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    /// Semantic versioning's precedence: a pre-release comes before its release.
    fn cmp(&self, other: &Self) -> Ordering {
        (self.major, self.minor, self.patch)
            .cmp(&(other.major, other.minor, other.patch))
            .then_with(|| match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => {
                    for (a, b) in self.pre.iter().zip(&other.pre) {
                        let ord = match (a.parse::<u64>(), b.parse::<u64>()) {
                            (Ok(x), Ok(y)) => x.cmp(&y),
                            (Ok(_), Err(_)) => Ordering::Less,
                            (Err(_), Ok(_)) => Ordering::Greater,
                            (Err(_), Err(_)) => a.cmp(b),
                        };
                        if ord != Ordering::Equal {
                            return ord;
                        }
                    }
                    self.pre.len().cmp(&other.pre.len())
                }
            })
    }
}

/// Of `candidates` (versions as recorded), the newest one newer than `current`.
pub fn newest_after<'a>(
    current: &Version,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .filter_map(|c| Version::parse(c).map(|v| (v, c)))
        .filter(|(v, _)| v > current)
        .max_by(|(a, _), (b, _)| a.cmp(b))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap_or_else(|| panic!("{s} parses"))
    }

    #[test]
    fn versions_order_as_semver_says() {
        let ordered = [
            "0.1.0",
            "0.1.1",
            "0.2.0-alpha",
            "0.2.0-alpha.1",
            "0.2.0-alpha.beta",
            "0.2.0-beta.2",
            "0.2.0-beta.11",
            "0.2.0-rc.1",
            "0.2.0",
            "0.10.0",
            "1.0.0",
        ];
        for pair in ordered.windows(2) {
            assert!(v(pair[0]) < v(pair[1]), "{} < {}", pair[0], pair[1]);
        }
        assert_eq!(v("v1.2.3"), v("1.2.3+build.7"));
        for bad in [
            "",
            "1",
            "1.2",
            "1.2.3.4",
            "01.2.3",
            "1.x.3",
            "1.2.3-",
            "1.2.3-a..b",
            "../1.2.3",
        ] {
            assert!(Version::parse(bad).is_none(), "{bad:?} is refused");
        }
    }

    #[test]
    fn the_newest_newer_version_is_offered() {
        let recorded = ["0.1.0", "0.3.0", "0.2.0", "garbage", "0.3.0-rc.1"];
        assert_eq!(newest_after(&v("0.1.0"), recorded), Some("0.3.0"));
        assert_eq!(newest_after(&v("0.3.0"), recorded), None);
        assert_eq!(newest_after(&v("0.3.0-rc.1"), recorded), Some("0.3.0"));
    }

    #[test]
    fn targets_name_platform_and_installer() {
        for ok in [
            "linux-x86_64-deb",
            "linux-aarch64-rpm",
            "windows-x86_64-nsis",
            "darwin-aarch64-app",
        ] {
            assert!(is_valid_target(ok), "{ok}");
        }
        for bad in [
            "linux-x86_64",
            "linux-x86_64-zip",
            "beos-x86_64-deb",
            "linux-x86_64-deb/../x",
            "",
        ] {
            assert!(!is_valid_target(bad), "{bad}");
        }
    }
}

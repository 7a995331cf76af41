//! Replacing one file atomically: the new contents go to a temporary file
//! in the same folder, are flushed to disk, and the temporary file is
//! renamed over the target. A killed process leaves the old file or the
//! new one, never half of one. This is the only place heropath replaces a
//! single file (the build cache, folder marks, exported records, a
//! `heropath handout`, `heropath fix-encoding`); whole output folders are
//! swapped by [`crate::stages::write`] instead.

use std::path::Path;

/// Replace `path` with what `fill` writes. The new file gets the
/// permissions any newly created file gets (`0666` less the umask, as
/// with [`std::fs::File::create`]), not the `0600` of a private temporary
/// file.
pub fn replace_file(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace(path, false, fill)
}

/// [`replace_file`], keeping the permissions `path` has now (when it
/// exists): for rewriting a file the user owns, such as a plan.
pub fn replace_file_keeping_permissions(
    path: &Path,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace(path, true, fill)
}

fn replace(
    path: &Path,
    keep_permissions: bool,
    fill: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut r = Replacement::begin(path, keep_permissions)?;
    fill(&mut r)?;
    r.commit()
}

/// A replacement under way (see [`replace_file`]), for a writer that
/// decides only as it goes whether to replace the file at all: written to
/// like a file, put in place by [`Replacement::commit`]; dropped without
/// committing, it is removed and the old file stays.
pub struct Replacement {
    path: std::path::PathBuf,
    keep_permissions: bool,
    out: std::io::BufWriter<tempfile::NamedTempFile>,
}

impl Replacement {
    /// Start replacing `path`, keeping its permissions when
    /// `keep_permissions` (see [`replace_file_keeping_permissions`]).
    pub fn begin(path: &Path, keep_permissions: bool) -> std::io::Result<Replacement> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Hidden, so the live preview's watcher takes it for noise.
        let prefix = format!(".{name}.heropath-tmp-");
        remove_stale(dir, &prefix);
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            // The umask applies to this mode, exactly as to `File::create`'s.
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        Ok(Replacement {
            path: path.to_path_buf(),
            keep_permissions,
            out: std::io::BufWriter::with_capacity(1 << 20, builder.tempfile_in(dir)?),
        })
    }

    /// Flush the new contents to disk and put them in place.
    pub fn commit(self) -> std::io::Result<()> {
        let tmp = self.out.into_inner().map_err(|e| e.into_error())?;
        if self.keep_permissions
            && let Ok(m) = std::fs::metadata(&self.path)
        {
            std::fs::set_permissions(tmp.path(), m.permissions())?;
        }
        tmp.as_file().sync_all()?;
        tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

impl std::io::Write for Replacement {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Remove temporary files a killed process left behind for this target.
fn remove_stale(dir: &Path, prefix: &str) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(prefix) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.txt");
        std::fs::write(&path, "old").unwrap();
        replace_file(&path, |out| out.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_failed_fill_keeps_the_old_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a.txt");
        std::fs::write(&path, "old").unwrap();
        let r = replace_file(&path, |_| Err(std::io::Error::other("no")));
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    /// The new file has the permissions `File::create` would give it (the
    /// old hand-written code's), not a temporary file's private `0600`.
    #[cfg(unix)]
    #[test]
    fn permissions_are_those_of_a_newly_created_file_or_kept() {
        use std::os::unix::fs::PermissionsExt as _;
        let tmp = tempfile::tempdir().unwrap();
        let created = tmp.path().join("created");
        std::fs::File::create(&created).unwrap();
        let want = std::fs::metadata(&created).unwrap().permissions().mode();
        let path = tmp.path().join("a.html");
        replace_file(&path, |out| out.write_all(b"x")).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode, want);

        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace_file_keeping_permissions(&path, |out| out.write_all(b"y")).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}

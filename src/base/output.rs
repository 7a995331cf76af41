//! The rendered file: what the render stage makes and the write stage puts
//! on disk, and what the build cache, the privacy guard and the live
//! preview pass between them. It lives in the bottom layer because every
//! layer from render up handles it and none of them owns it.

/// A rendered file, by path relative to its output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedFile {
    /// Relative path with `/` separators.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

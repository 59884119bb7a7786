//! What the server shows right now: the last good site and, while the build is failing, the
//! overlay — one immutable value, replaced whole after each build and watched by every open
//! page's event stream.

use std::sync::Arc;

use tokio::sync::watch;

use super::site::ServedFiles;

/// One state of the server. Each build publishes a new one with the next `version`.
#[derive(Debug, Default)]
pub struct Served {
    /// Counts builds, so that a page whose event stream reconnects can tell it missed one.
    pub version: u64,
    /// The last build that succeeded (kept while later ones fail).
    pub site: Option<Arc<ServedFiles>>,
    /// The overlay HTML while the latest build failed.
    pub overlay: Option<Arc<str>>,
}

/// The sending side, held by the build loop; handlers subscribe to it.
pub type Publisher = watch::Sender<Arc<Served>>;

/// A publisher holding the result of the first build.
pub fn publisher(first: Served) -> Publisher {
    watch::Sender::new(Arc::new(first))
}

/// Publishes a successful build: it replaces the site and clears the overlay.
pub fn publish_site(tx: &Publisher, site: ServedFiles) {
    let version = tx.borrow().version + 1;
    tx.send_replace(Arc::new(Served {
        version,
        site: Some(Arc::new(site)),
        overlay: None,
    }));
}

/// Publishes a failed build: the last good site stays, with the overlay over it.
pub fn publish_failure(tx: &Publisher, overlay: String) {
    let (version, site) = {
        let now = tx.borrow();
        (now.version + 1, now.site.clone())
    };
    tx.send_replace(Arc::new(Served {
        version,
        site,
        overlay: Some(Arc::from(overlay)),
    }));
}

/// Replaces the site without telling open pages: for files no page needs to reload for (the
/// search index, refreshed after a fast rebuild). The version and any overlay stay.
pub fn publish_quietly(tx: &Publisher, site: ServedFiles) {
    tx.send_if_modified(|served| {
        *served = Arc::new(Served {
            version: served.version,
            site: Some(Arc::new(site)),
            overlay: served.overlay.clone(),
        });
        false
    });
}

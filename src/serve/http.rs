//! The HTTP side of `serve`: every path is looked up in the current site (see `site`), HTML
//! responses get the reload script (and the overlay while the build fails), and
//! `/__warta/events` streams build events to open pages.

use std::convert::Infallible;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::{Stream, StreamExt};

use super::live;
use super::site::{self, Resolved};
use super::state::{Publisher, Served};

/// The router: the event stream, and the site for everything else.
pub fn router(state: Publisher) -> Router {
    Router::new()
        .route(live::EVENTS_PATH, get(events))
        .fallback(serve_path)
        .with_state(Arc::new(state))
}

type AppState = State<Arc<Publisher>>;

/// `hello` (with the build version) when a page connects, then `reload` after each good build
/// and `overlay` (with the overlay HTML) after each failed one.
async fn events(State(state): AppState) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let mut first = true;
    let stream = WatchStream::new(state.subscribe()).map(move |served| {
        let event = if std::mem::take(&mut first) {
            Event::default()
                .event("hello")
                .data(served.version.to_string())
        } else {
            match &served.overlay {
                Some(overlay) => Event::default().event("overlay").data(overlay.as_ref()),
                None => Event::default()
                    .event("reload")
                    .data(served.version.to_string()),
            }
        };
        Ok(event)
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// GET and HEAD of any other path.
async fn serve_path(State(state): AppState, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut r = StatusCode::METHOD_NOT_ALLOWED.into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let served: Arc<Served> = state.borrow().clone();
    let overlay = served.overlay.as_deref();
    let Some(site) = &served.site else {
        let page = live::error_page(overlay.unwrap_or_default());
        return respond(StatusCode::INTERNAL_SERVER_ERROR, "index.html", page.into());
    };
    match site.resolve(uri.path()) {
        Resolved::File { path, bytes } => html_or_not(StatusCode::OK, &path, bytes, overlay),
        Resolved::Asset { path, source } => match read_file(source).await {
            Some(bytes) => respond(StatusCode::OK, &path, bytes.into()),
            // Deleted since the build: the next build will drop it too.
            None => not_found(None, overlay),
        },
        Resolved::Redirect(to) => redirect(&to, uri.query()),
        Resolved::NotFound(page) => not_found(page, overlay),
    }
}

/// A content asset's bytes, read off the async threads. Only a regular file: the build does
/// not follow symbolic links, and neither may a request in the moment between an editor
/// replacing an asset with a link (to anything on the machine) and the rebuild that drops it.
async fn read_file(source: std::path::PathBuf) -> Option<Vec<u8>> {
    tokio::task::spawn_blocking(move || {
        let meta = std::fs::symlink_metadata(&source).ok()?;
        if !meta.file_type().is_file() {
            return None;
        }
        std::fs::read(source).ok()
    })
    .await
    .ok()
    .flatten()
}

fn not_found(page: Option<Bytes>, overlay: Option<&str>) -> Response {
    let page = page.unwrap_or_else(|| {
        Bytes::from_static(b"<!doctype html><title>404</title><body><h1>404</h1></body>")
    });
    html_or_not(StatusCode::NOT_FOUND, "404.html", page, overlay)
}

/// HTML gets the live-reload script (and the overlay); other files go out as they are.
fn html_or_not(status: StatusCode, path: &str, bytes: Bytes, overlay: Option<&str>) -> Response {
    let body = if site::content_type(path).starts_with("text/html") {
        live::inject(bytes.to_vec(), overlay).into()
    } else {
        bytes
    };
    respond(status, path, body)
}

fn respond(status: StatusCode, path: &str, body: Bytes) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    let headers = r.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(site::content_type(path)),
    );
    // A dev server: the next reload must show the next build.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn redirect(to: &str, query: Option<&str>) -> Response {
    let location = match query {
        Some(q) => format!("{to}?{q}"),
        None => to.to_string(),
    };
    let mut r = StatusCode::TEMPORARY_REDIRECT.into_response();
    if let Ok(v) = HeaderValue::from_str(&location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

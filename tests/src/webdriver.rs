//! A small W3C WebDriver client, enough to drive the real desktop app through tauri-driver.

use base64::Engine;
use serde_json::{Value, json};
use std::path::Path;
use std::time::Duration;

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Keeps WebKit presenting frames for three seconds (see `Session::screenshot`).
const FRAME_PUMP: &str = "
    const dot = document.createElement('div');
    dot.setAttribute('aria-hidden', 'true');
    Object.assign(dot.style, { position: 'fixed', right: '0', bottom: '0', width: '1px',
        height: '1px', pointerEvents: 'none', zIndex: '2147483647' });
    document.documentElement.append(dot);
    const until = performance.now() + 3000;
    let odd = false;
    const tick = () => {
        odd = !odd;
        dot.style.background = odd ? 'rgba(128,128,128,0.02)' : 'rgba(128,128,128,0.03)';
        if (performance.now() < until) requestAnimationFrame(tick); else dot.remove();
    };
    requestAnimationFrame(tick);
    return true;";

/// One WebDriver session: one run of the app.
pub struct Session {
    http: reqwest::Client,
    base: String,
}

impl Session {
    /// Starts the app at `application` through the driver at `driver_url`.
    pub async fn start(driver_url: &str, application: &Path) -> anyhow::Result<Self> {
        // A first launch on a cold, loaded machine (WebKit's caches empty, the binary not
        // yet in the page cache) once took over 60 s; give it three minutes.
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(180))
            .build()?;
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": application.display().to_string()}
        }}});
        let v: Value = http
            .post(format!("{driver_url}/session"))
            .json(&caps)
            .send()
            .await?
            .json()
            .await?;
        let id = v["value"]["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow::anyhow!("the driver did not start a session: {v}"))?;
        Ok(Self {
            http,
            base: format!("{driver_url}/session/{id}"),
        })
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> anyhow::Result<Value> {
        let mut req = self.http.request(method, format!("{}{}", self.base, path));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let v: Value = req.send().await?.json().await?;
        if let Some(err) = v["value"]["error"].as_str() {
            anyhow::bail!("{err}: {}", v["value"]["message"]);
        }
        Ok(v["value"].clone())
    }

    /// The first element matching a CSS selector, if any.
    pub async fn find(&self, css: &str) -> Option<Element<'_>> {
        let v = self
            .send(
                reqwest::Method::POST,
                "/element",
                Some(json!({"using": "css selector", "value": css})),
            )
            .await
            .ok()?;
        v[ELEMENT_KEY].as_str().map(|id| Element {
            session: self,
            id: id.to_owned(),
        })
    }

    /// Runs a script in the page and returns its value.
    pub async fn execute(&self, script: &str) -> anyhow::Result<Value> {
        self.send(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
        .await
    }

    /// Runs an asynchronous script (its last argument is the callback) and returns its value.
    pub async fn execute_async(&self, script: &str) -> anyhow::Result<Value> {
        self.send(
            reqwest::Method::POST,
            "/execute/async",
            Some(json!({"script": script, "args": []})),
        )
        .await
    }

    /// Saves a PNG screenshot of the window.
    ///
    /// WebKitGTK takes the screenshot after the next frame it presents, and the app draws
    /// without GPU compositing (src-tauri/src/rendering.rs), where a page that shows
    /// nothing moving (no caret, no animation) presents no next frame: the request would
    /// wait for ever. So a 1-pixel, near-transparent dot in the window's corner changes
    /// shade on every animation frame for a few seconds and then removes itself. The
    /// window itself repaints as it should (an X11 capture of it shows each screen).
    pub async fn screenshot(&self, path: &Path) -> anyhow::Result<()> {
        self.execute(FRAME_PUMP).await?;
        let v = self.send(reqwest::Method::GET, "/screenshot", None).await?;
        let png =
            base64::engine::general_purpose::STANDARD.decode(v.as_str().unwrap_or_default())?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, png)?;
        Ok(())
    }

    /// Ends the session, which closes the app.
    pub async fn close(self) {
        let _ = self.http.delete(&self.base).send().await;
    }
}

/// An element of the page.
pub struct Element<'a> {
    session: &'a Session,
    id: String,
}

impl Element<'_> {
    pub async fn click(&self) -> anyhow::Result<()> {
        self.session
            .send(
                reqwest::Method::POST,
                &format!("/element/{}/click", self.id),
                Some(json!({})),
            )
            .await
            .map(|_| ())
    }

    /// Clears the field and types `text`.
    pub async fn fill(&self, text: &str) -> anyhow::Result<()> {
        self.session
            .send(
                reqwest::Method::POST,
                &format!("/element/{}/clear", self.id),
                Some(json!({})),
            )
            .await?;
        self.session
            .send(
                reqwest::Method::POST,
                &format!("/element/{}/value", self.id),
                Some(json!({"text": text})),
            )
            .await
            .map(|_| ())
    }

    pub async fn text(&self) -> anyhow::Result<String> {
        let v = self
            .session
            .send(
                reqwest::Method::GET,
                &format!("/element/{}/text", self.id),
                None,
            )
            .await?;
        Ok(v.as_str().unwrap_or_default().to_owned())
    }

    pub async fn attribute(&self, name: &str) -> anyhow::Result<Option<String>> {
        let v = self
            .session
            .send(
                reqwest::Method::GET,
                &format!("/element/{}/attribute/{name}", self.id),
                None,
            )
            .await?;
        Ok(v.as_str().map(str::to_owned))
    }

    pub async fn enabled(&self) -> bool {
        self.session
            .send(
                reqwest::Method::GET,
                &format!("/element/{}/enabled", self.id),
                None,
            )
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    }
}

//! The ways a message leaves the server: SMTP, an SMS gateway over HTTP, or a folder.

use crate::db::entity::message;
use crate::settings::Secret;
use anyhow::{Context, bail};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::path::PathBuf;

/// How e-mail is sent.
pub enum EmailTransport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Written as `.eml` files for a developer to read.
    Folder(PathBuf),
}

/// How SMS are sent.
pub enum SmsTransport {
    /// `POST {"to": "+381…", "text": "…"}` as JSON to the gateway URL.
    Http {
        client: reqwest::Client,
        url: String,
    },
    Folder(PathBuf),
}

impl EmailTransport {
    pub fn from_settings(smtp_url: Option<&Secret>, outbox: PathBuf) -> anyhow::Result<Self> {
        match smtp_url {
            Some(url) => Ok(Self::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .with_context(|| format!("WPPLAY_SMTP_URL {url:?} is not an SMTP URL"))?
                    .timeout(Some(std::time::Duration::from_secs(20)))
                    .build(),
            )),
            None => Ok(Self::Folder(outbox)),
        }
    }

    pub async fn send(
        &self,
        msg: &message::Model,
        from: &str,
        attachment: Option<(String, Vec<u8>)>,
    ) -> anyhow::Result<()> {
        let email = build_email(msg, from, attachment)?;
        match self {
            Self::Smtp(smtp) => {
                smtp.send(email).await.context("SMTP delivery")?;
            }
            Self::Folder(dir) => {
                write_file(dir, &format!("{:06}-email.eml", msg.id), &email.formatted()).await?;
            }
        }
        Ok(())
    }
}

impl SmsTransport {
    pub fn from_settings(url: Option<&Secret>, outbox: PathBuf) -> anyhow::Result<Self> {
        match url {
            Some(url) => {
                let client = reqwest::Client::builder()
                    .timeout(std::time::Duration::from_secs(20))
                    .build()
                    .context("building the SMS gateway client")?;
                Ok(Self::Http {
                    client,
                    url: url.expose().to_owned(),
                })
            }
            None => Ok(Self::Folder(outbox)),
        }
    }

    pub async fn send(&self, msg: &message::Model) -> anyhow::Result<()> {
        let text = msg.body.as_deref().unwrap_or_default();
        match self {
            Self::Http { client, url } => {
                let response = client
                    .post(url)
                    .json(&serde_json::json!({ "to": msg.recipient, "text": text }))
                    .send()
                    .await
                    // The gateway URL may carry an API key: keep it out of errors and logs.
                    .map_err(reqwest::Error::without_url)
                    .context("reaching the SMS gateway")?;
                if !response.status().is_success() {
                    bail!("the SMS gateway answered {}", response.status());
                }
            }
            Self::Folder(dir) => {
                let content = format!("To: {}\n\n{}\n", msg.recipient, text);
                write_file(dir, &format!("{:06}-sms.txt", msg.id), content.as_bytes()).await?;
            }
        }
        Ok(())
    }
}

fn build_email(
    msg: &message::Model,
    from: &str,
    attachment: Option<(String, Vec<u8>)>,
) -> anyhow::Result<lettre::Message> {
    let from: Mailbox = from
        .parse()
        .with_context(|| format!("the sender '{from}' is not an address"))?;
    let to: Mailbox = msg
        .recipient
        .parse()
        .with_context(|| format!("the recipient of message {} is not an address", msg.id))?;
    // E-mail lines end in CRLF; 8bit keeps the file outbox readable as it is (UTF-8, no
    // quoted-printable). Text that 8bit cannot carry falls back to lettre's own choice.
    let text = wrap(
        &msg.body.clone().unwrap_or_default().replace("\r\n", "\n"),
        72,
    );
    let body = Body::new_with_encoding(text.clone(), ContentTransferEncoding::EightBit)
        .unwrap_or_else(|_| Body::new(text));
    let text_part = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(body);
    let builder = lettre::Message::builder()
        .from(from)
        .to(to)
        .subject(msg.subject.clone());
    match attachment {
        None => builder.singlepart(text_part),
        Some((name, bytes)) => {
            builder.multipart(MultiPart::mixed().singlepart(text_part).singlepart(
                Attachment::new(name).body(
                    bytes,
                    ContentType::parse("application/pdf").context("the PDF content type")?,
                ),
            ))
        }
    }
    .context("building the e-mail")
}

/// Wraps every line at `width` characters on spaces, so mail stays 7bit/8bit (lines of 76
/// characters or more force quoted-printable, which no person can read in a file).
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut len = 0;
        for (j, word) in line.split(' ').enumerate() {
            let w = word.chars().count();
            if j > 0 {
                if len + 1 + w > width {
                    out.push('\n');
                    len = 0;
                } else {
                    out.push(' ');
                    len += 1;
                }
            }
            out.push_str(word);
            len += w;
        }
    }
    out
}

/// Writes atomically (a reader never sees half a message), readable by the owner only.
async fn write_file(dir: &std::path::Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    crate::private_fs::create_dir(dir).with_context(|| format!("creating {}", dir.display()))?;
    // The message may hold a password: readable by the server's user only, from the start.
    let tmp = dir.join(format!(".{name}.tmp"));
    crate::private_fs::write_new(&tmp, bytes)
        .await
        .with_context(|| format!("writing {}", tmp.display()))?;
    tokio::fs::rename(&tmp, dir.join(name))
        .await
        .context("publishing the message file")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_lines_are_wrapped_on_spaces() {
        let text = format!("{}\nshort", "word ".repeat(30).trim_end());
        let wrapped = super::wrap(&text, 72);
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 72),
            "{wrapped}"
        );
        assert_eq!(
            wrapped.replace('\n', " "),
            text.replace('\n', " "),
            "only line breaks change"
        );
    }
}

//! The `wpplay-server` command: serve the API, or run an operator task.

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use wpplay_server::{Settings, operator};

#[derive(Parser)]
#[command(
    name = "wpplay-server",
    version,
    about = "The central WP Play server and its operator tools"
)]
struct Cli {
    /// A TOML settings file; WPPLAY_* environment variables override it.
    #[arg(long, global = true, env = "WPPLAY_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the HTTP API (default 127.0.0.1:8750, embedded SQLite in the data directory).
    Serve,
    /// Print the settings in force, secrets redacted.
    Config,
    /// Check the configuration: the database, SMTP and SMS gateway answer, secrets are
    /// set where features need them, TLS files load. One line each; fails if any fails.
    Check,
    /// Copy the SQLite database to FILE while the server runs (consistent, online).
    Backup { file: PathBuf },
    /// Put a backup in place of the SQLite database; the server must be stopped.
    Restore { file: PathBuf },
    /// The partner package catalog.
    Packages {
        #[command(subcommand)]
        command: PackagesCommand,
    },
    /// Registered partners.
    Partners {
        #[command(subcommand)]
        command: ListCommand,
    },
    /// The audit log of every accepted change.
    Audit {
        #[command(subcommand)]
        command: ListCommand,
    },
    /// Operator logins (WP Play staff).
    Operators {
        #[command(subcommand)]
        command: OperatorsCommand,
    },
    /// E-mail and SMS messages and their delivery state.
    Outbox {
        #[command(subcommand)]
        command: ListCommand,
    },
    /// Reminders, invoices, locks and purges.
    Lifecycle {
        #[command(subcommand)]
        command: LifecycleCommand,
    },
    /// Issued pro forma invoices.
    Invoices {
        #[command(subcommand)]
        command: ListCommand,
    },
    /// Payments received.
    Payments {
        #[command(subcommand)]
        command: PaymentsCommand,
    },
    /// Desktop app releases offered to installed apps by the updater.
    Releases {
        #[command(subcommand)]
        command: ReleasesCommand,
    },
}

#[derive(Subcommand)]
enum ReleasesCommand {
    /// Record a signed installer; apps installed the same way are offered it at once.
    Add {
        /// The installer (e.g. the .deb, .rpm, NSIS .exe, .msi or macOS .app.tar.gz).
        file: PathBuf,
        /// Its version, e.g. 0.2.0.
        #[arg(long)]
        version: String,
        /// `{os}-{arch}-{installer}`: linux-x86_64-deb, linux-x86_64-rpm,
        /// windows-x86_64-nsis, windows-x86_64-msi, darwin-aarch64-app, darwin-x86_64-app.
        #[arg(long)]
        target: String,
        /// The updater signature: the .sig file the Tauri CLI wrote beside the installer,
        /// or its content.
        #[arg(long)]
        signature: String,
        /// What is new, shown to the user.
        #[arg(long)]
        notes: Option<String>,
    },
    /// Every recorded release.
    List,
}

#[derive(Subcommand)]
enum LifecycleCommand {
    /// Run one pass: send what is due (each reminder, invoice, lock and purge once).
    Run {
        /// Run as if it were this time (RFC 3339, e.g. 2026-03-15T08:00:00+01:00).
        #[arg(long)]
        at: Option<String>,
        /// Show what would happen without doing it.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
enum PaymentsCommand {
    /// Register a payment by hand (e.g. cash or a transfer seen on the account).
    Register {
        /// The payment reference of the invoice, e.g. "97 41-2026000042".
        #[arg(long)]
        reference: String,
        /// Amount, e.g. 79.00.
        #[arg(long)]
        amount: String,
        #[arg(long, default_value = "EUR")]
        currency: String,
        /// When it was paid (RFC 3339); default now.
        #[arg(long)]
        at: Option<String>,
        /// Your own id for it (a receipt number); registering the same id again does nothing.
        #[arg(long)]
        id: Option<String>,
    },
    /// Import a bank statement: ISO 20022 camt.053 XML, or CSV with the columns
    /// entry_id,date,amount,currency,reference. Importing it again records nothing twice.
    Import { file: PathBuf },
    /// Payments waiting for review: unmatched, partial and overpaid.
    Unmatched,
    /// Every payment.
    List,
}

#[derive(Subcommand)]
enum ListCommand {
    /// List them.
    List,
}

#[derive(Subcommand)]
enum OperatorsCommand {
    /// Create an operator login; its generated password is printed once.
    Add { username: String },
}

#[derive(Subcommand)]
enum PackagesCommand {
    /// List every package.
    List,
    /// Add a package.
    Add {
        /// Short unique code, e.g. `premium`.
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// Monthly price, e.g. 49.00.
        #[arg(long)]
        price: String,
        /// ISO 4217 currency code.
        #[arg(long, default_value = "EUR")]
        currency: String,
        #[arg(long)]
        max_subscribers: i32,
        #[arg(long)]
        max_streams: i32,
        /// A feature line; repeat for several.
        #[arg(long = "feature")]
        features: Vec<String>,
    },
    /// Stop offering a package to new partners.
    Disable { code: String },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = Settings::load(cli.config.as_deref(), |k| std::env::var(k).ok())?;
    let filter = tracing_subscriber::EnvFilter::try_from_env("WPPLAY_LOG")
        .unwrap_or_else(|_| "info,sqlx=warn,sea_orm_migration=warn".into());
    let log = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match settings.log_format {
        wpplay_server::settings::LogFormat::Json => log.json().flatten_event(true).init(),
        wpplay_server::settings::LogFormat::Text => log.init(),
    }
    if let Command::Serve = cli.command {
        let listener = tokio::net::TcpListener::bind(settings.listen)
            .await
            .with_context(|| format!("listening on {}", settings.listen))?;
        return wpplay_server::launch_with_listener(settings, listener, shutdown_signal()).await;
    }
    if let Command::Config = cli.command {
        println!("{settings:#?}");
        return Ok(());
    }
    if let Command::Check = cli.command {
        let findings = wpplay_server::check::run(&settings).await;
        for f in &findings {
            println!("{f}");
        }
        if findings.iter().any(|f| !f.ok) {
            std::process::exit(1);
        }
        return Ok(());
    }
    if let Command::Backup { file } = &cli.command {
        print!("{}", wpplay_server::backup::backup(&settings, file).await?);
        return Ok(());
    }
    if let Command::Restore { file } = &cli.command {
        let stamp = wpplay_clock::from_env()
            .now()
            .format("%Y%m%dT%H%M%SZ")
            .to_string();
        print!(
            "{}",
            wpplay_server::backup::restore(&settings, file, &stamp).await?
        );
        return Ok(());
    }
    wpplay_server::private_fs::create_dir(&settings.data_dir)?;
    let now = wpplay_clock::from_env().now();
    let db = wpplay_server::db::connect(&settings.database_url(), now).await?;
    let out = match cli.command {
        Command::Packages {
            command: PackagesCommand::List,
        } => operator::packages_list(&db).await?,
        Command::Packages {
            command:
                PackagesCommand::Add {
                    code,
                    name,
                    price,
                    currency,
                    max_subscribers,
                    max_streams,
                    features,
                },
        } => {
            let spec = wpplay_domain::package::PackageSpec {
                code,
                name,
                monthly_price_minor: operator::parse_price(&price)?,
                currency,
                max_subscribers,
                max_streams,
                features,
            };
            operator::packages_add(&db, spec, now).await?
        }
        Command::Packages {
            command: PackagesCommand::Disable { code },
        } => operator::packages_disable(&db, &code, now).await?,
        Command::Partners { .. } => operator::partners_list(&db, now).await?,
        Command::Outbox { .. } => operator::outbox_list(&db).await?,
        Command::Audit { .. } => operator::audit_list(&db).await?,
        Command::Operators {
            command: OperatorsCommand::Add { username },
        } => operator::operators_add(&db, &username, now).await?,
        Command::Lifecycle {
            command: LifecycleCommand::Run { at, dry_run },
        } => {
            let at = match at {
                Some(t) => operator::parse_time(&t)?,
                None => now,
            };
            operator::lifecycle_run(&db, settings.time_zone, at, dry_run).await?
        }
        Command::Invoices { .. } => operator::invoices_list(&db, settings.time_zone).await?,
        Command::Payments {
            command:
                PaymentsCommand::Register {
                    reference,
                    amount,
                    currency,
                    at,
                    id,
                },
        } => {
            let received_at = match at {
                Some(t) => operator::parse_time(&t)?,
                None => now,
            };
            operator::payments_register(
                &db,
                settings.time_zone,
                operator::ManualPayment {
                    reference,
                    amount_minor: operator::parse_price(&amount)?,
                    currency,
                    received_at,
                    id,
                },
                now,
            )
            .await?
        }
        Command::Payments {
            command: PaymentsCommand::Import { file },
        } => operator::payments_import(&db, settings.time_zone, &file, now).await?,
        Command::Payments {
            command: PaymentsCommand::Unmatched,
        } => operator::payments_list(&db, true).await?,
        Command::Payments {
            command: PaymentsCommand::List,
        } => operator::payments_list(&db, false).await?,
        Command::Releases {
            command:
                ReleasesCommand::Add {
                    file,
                    version,
                    target,
                    signature,
                    notes,
                },
        } => {
            let new = wpplay_server::releases::NewRelease {
                file,
                version,
                target,
                signature,
                notes,
            };
            wpplay_server::releases::add(&db, &settings, new, now).await?
        }
        Command::Releases {
            command: ReleasesCommand::List,
        } => wpplay_server::releases::list(&db).await?,
        Command::Serve
        | Command::Config
        | Command::Check
        | Command::Backup { .. }
        | Command::Restore { .. } => unreachable!("handled above"),
    };
    print!("{out}");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}

//! Account safety (issue 14): password recovery codes, two-factor sign-in (TOTP) with
//! its recovery codes and sign-in challenges, and a partner's rule that its dealers sign
//! in with a second factor. Every code and challenge is stored only as a SHA-256 hash;
//! the TOTP secret is the server's to keep (it must compute the codes), never sent back
//! once enrolment is confirmed.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
    TotpSecret,
    TotpPendingSecret,
    TotpEnabledAt,
    TotpLastStep,
}

#[derive(DeriveIden)]
enum Partners {
    Table,
    DealersNeedSecondFactor,
}

#[derive(DeriveIden)]
enum PasswordResets {
    Table,
    Id,
    AccountId,
    CodeHash,
    Attempts,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    Id,
    AccountId,
    CodeHash,
    UsedAt,
}

#[derive(DeriveIden)]
enum SignInChallenges {
    Table,
    TokenHash,
    AccountId,
    Attempts,
    ExpiresAt,
    DeviceName,
    Platform,
    AppVersion,
    CreatedAt,
}

fn owned_by(
    table: impl IntoIden + 'static,
    col: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Accounts::Table, Accounts::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite alters one at a time.
        for column in [
            string_len_null(Accounts::TotpSecret, 64),
            string_len_null(Accounts::TotpPendingSecret, 64),
            timestamp_with_time_zone_null(Accounts::TotpEnabledAt),
            big_integer_null(Accounts::TotpLastStep),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Accounts::Table)
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table(Partners::Table)
                .add_column(boolean(Partners::DealersNeedSecondFactor).default(false))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PasswordResets::Table)
                .col(big_pk_auto(PasswordResets::Id))
                .col(big_integer(PasswordResets::AccountId))
                .col(string_len(PasswordResets::CodeHash, 64))
                .col(integer(PasswordResets::Attempts).default(0))
                .col(timestamp_with_time_zone(PasswordResets::ExpiresAt))
                .col(timestamp_with_time_zone_null(PasswordResets::UsedAt))
                .col(timestamp_with_time_zone(PasswordResets::CreatedAt))
                .foreign_key(&mut owned_by(
                    PasswordResets::Table,
                    PasswordResets::AccountId,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_password_resets_account")
                .table(PasswordResets::Table)
                .col(PasswordResets::AccountId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RecoveryCodes::Table)
                .col(big_pk_auto(RecoveryCodes::Id))
                .col(big_integer(RecoveryCodes::AccountId))
                .col(string_len(RecoveryCodes::CodeHash, 64))
                .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                .foreign_key(&mut owned_by(
                    RecoveryCodes::Table,
                    RecoveryCodes::AccountId,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_recovery_codes_account")
                .table(RecoveryCodes::Table)
                .col(RecoveryCodes::AccountId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SignInChallenges::Table)
                .col(string_len(SignInChallenges::TokenHash, 64).primary_key())
                .col(big_integer(SignInChallenges::AccountId))
                .col(integer(SignInChallenges::Attempts).default(0))
                .col(timestamp_with_time_zone(SignInChallenges::ExpiresAt))
                .col(string_len_null(SignInChallenges::DeviceName, 100))
                .col(string_len_null(SignInChallenges::Platform, 32))
                .col(string_len_null(SignInChallenges::AppVersion, 32))
                .col(timestamp_with_time_zone(SignInChallenges::CreatedAt))
                .foreign_key(&mut owned_by(
                    SignInChallenges::Table,
                    SignInChallenges::AccountId,
                ))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}

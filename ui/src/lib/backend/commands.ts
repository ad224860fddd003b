// Generated from crates/wpplay-desktop/src/commands.rs by its tests. Do not edit.
import { invoke } from "@tauri-apps/api/core";
import type { AddDealerArgs } from "./bindings/AddDealerArgs";
import type { AddStreamArgs } from "./bindings/AddStreamArgs";
import type { AddSubscriberArgs } from "./bindings/AddSubscriberArgs";
import type { AnswerRequestArgs } from "./bindings/AnswerRequestArgs";
import type { AuditArgs } from "./bindings/AuditArgs";
import type { AuditEntry } from "./bindings/AuditEntry";
import type { AuditExportArgs } from "./bindings/AuditExportArgs";
import type { BillingView } from "./bindings/BillingView";
import type { CatalogPackage } from "./bindings/CatalogPackage";
import type { ChangePackageArgs } from "./bindings/ChangePackageArgs";
import type { ChangePackageResponse } from "./bindings/ChangePackageResponse";
import type { ChangePasswordArgs } from "./bindings/ChangePasswordArgs";
import type { ContentView } from "./bindings/ContentView";
import type { CsvExport } from "./bindings/CsvExport";
import type { Dashboard } from "./bindings/Dashboard";
import type { DealerPage } from "./bindings/DealerPage";
import type { DealerPasswordArgs } from "./bindings/DealerPasswordArgs";
import type { DealerQuery } from "./bindings/DealerQuery";
import type { DealerRow } from "./bindings/DealerRow";
import type { DealerSecondFactorArgs } from "./bindings/DealerSecondFactorArgs";
import type { DealerStatusArgs } from "./bindings/DealerStatusArgs";
import type { DeleteDealerArgs } from "./bindings/DeleteDealerArgs";
import type { DeliveriesArgs } from "./bindings/DeliveriesArgs";
import type { Delivery } from "./bindings/Delivery";
import type { DeliveryArgs } from "./bindings/DeliveryArgs";
import type { DirectoryEntry } from "./bindings/DirectoryEntry";
import type { DirectoryRow } from "./bindings/DirectoryRow";
import type { EditDealerArgs } from "./bindings/EditDealerArgs";
import type { EditSubscriberArgs } from "./bindings/EditSubscriberArgs";
import type { ExtendSubscriberArgs } from "./bindings/ExtendSubscriberArgs";
import type { FieldCheck } from "./bindings/FieldCheck";
import type { ForgetAccountArgs } from "./bindings/ForgetAccountArgs";
import type { FormArgs } from "./bindings/FormArgs";
import type { InvoiceArgs } from "./bindings/InvoiceArgs";
import type { InvoiceExportArgs } from "./bindings/InvoiceExportArgs";
import type { LanguageArgs } from "./bindings/LanguageArgs";
import type { LanguageView } from "./bindings/LanguageView";
import type { LifecycleRun } from "./bindings/LifecycleRun";
import type { LineDays } from "./bindings/LineDays";
import type { LineDaysArgs } from "./bindings/LineDaysArgs";
import type { LoginArgs } from "./bindings/LoginArgs";
import type { MutationArgs } from "./bindings/MutationArgs";
import type { NewPackage } from "./bindings/NewPackage";
import type { NotificationPreferences } from "./bindings/NotificationPreferences";
import type { OperatorPartner } from "./bindings/OperatorPartner";
import type { OperatorPartnerArgs } from "./bindings/OperatorPartnerArgs";
import type { OperatorPartnerDetail } from "./bindings/OperatorPartnerDetail";
import type { OperatorPartnersArgs } from "./bindings/OperatorPartnersArgs";
import type { Package } from "./bindings/Package";
import type { PackageChoice } from "./bindings/PackageChoice";
import type { PackageTermsArgs } from "./bindings/PackageTermsArgs";
import type { PartnerArgs } from "./bindings/PartnerArgs";
import type { PasswordArgs } from "./bindings/PasswordArgs";
import type { PasswordStrength } from "./bindings/PasswordStrength";
import type { RecoverPasswordArgs } from "./bindings/RecoverPasswordArgs";
import type { RecoveryArgs } from "./bindings/RecoveryArgs";
import type { RecoveryRequested } from "./bindings/RecoveryRequested";
import type { RegisterArgs } from "./bindings/RegisterArgs";
import type { RegisterPayment } from "./bindings/RegisterPayment";
import type { RegisteredPayment } from "./bindings/RegisteredPayment";
import type { RegistrationResponse } from "./bindings/RegistrationResponse";
import type { RemoveResellerArgs } from "./bindings/RemoveResellerArgs";
import type { RequestArgs } from "./bindings/RequestArgs";
import type { RequestPartnerArgs } from "./bindings/RequestPartnerArgs";
import type { RequestsView } from "./bindings/RequestsView";
import type { ResellerSettingsArgs } from "./bindings/ResellerSettingsArgs";
import type { ResellerSettingsView } from "./bindings/ResellerSettingsView";
import type { ResellersView } from "./bindings/ResellersView";
import type { ResolvePaymentArgs } from "./bindings/ResolvePaymentArgs";
import type { ReviewPayment } from "./bindings/ReviewPayment";
import type { ReviewPaymentsArgs } from "./bindings/ReviewPaymentsArgs";
import type { SavedFile } from "./bindings/SavedFile";
import type { SecondFactorArgs } from "./bindings/SecondFactorArgs";
import type { SecondFactorCodeArgs } from "./bindings/SecondFactorCodeArgs";
import type { SecondFactorEnabled } from "./bindings/SecondFactorEnabled";
import type { SecondFactorSetup } from "./bindings/SecondFactorSetup";
import type { SecondFactorStatus } from "./bindings/SecondFactorStatus";
import type { ServerArgs } from "./bindings/ServerArgs";
import type { SessionArgs } from "./bindings/SessionArgs";
import type { SessionInfo } from "./bindings/SessionInfo";
import type { SessionView } from "./bindings/SessionView";
import type { StartupView } from "./bindings/StartupView";
import type { StatementReport } from "./bindings/StatementReport";
import type { StatementUpload } from "./bindings/StatementUpload";
import type { StreamArgs } from "./bindings/StreamArgs";
import type { SubscriberArgs } from "./bindings/SubscriberArgs";
import type { SubscriberPage } from "./bindings/SubscriberPage";
import type { SubscriberQuery } from "./bindings/SubscriberQuery";
import type { SubscriberRow } from "./bindings/SubscriberRow";
import type { SyncStatus } from "./bindings/SyncStatus";
import type { Upcoming } from "./bindings/Upcoming";
import type { UpcomingArgs } from "./bindings/UpcomingArgs";
import type { UpdateProfileArgs } from "./bindings/UpdateProfileArgs";
import type { UpdateStatus } from "./bindings/UpdateStatus";

export type { AddDealerArgs, AddStreamArgs, AddSubscriberArgs, AnswerRequestArgs, AuditArgs, AuditEntry, AuditExportArgs, BillingView, CatalogPackage, ChangePackageArgs, ChangePackageResponse, ChangePasswordArgs, ContentView, CsvExport, Dashboard, DealerPage, DealerPasswordArgs, DealerQuery, DealerRow, DealerSecondFactorArgs, DealerStatusArgs, DeleteDealerArgs, DeliveriesArgs, Delivery, DeliveryArgs, DirectoryEntry, DirectoryRow, EditDealerArgs, EditSubscriberArgs, ExtendSubscriberArgs, FieldCheck, ForgetAccountArgs, FormArgs, InvoiceArgs, InvoiceExportArgs, LanguageArgs, LanguageView, LifecycleRun, LineDays, LineDaysArgs, LoginArgs, MutationArgs, NewPackage, NotificationPreferences, OperatorPartner, OperatorPartnerArgs, OperatorPartnerDetail, OperatorPartnersArgs, Package, PackageChoice, PackageTermsArgs, PartnerArgs, PasswordArgs, PasswordStrength, RecoverPasswordArgs, RecoveryArgs, RecoveryRequested, RegisterArgs, RegisterPayment, RegisteredPayment, RegistrationResponse, RemoveResellerArgs, RequestArgs, RequestPartnerArgs, RequestsView, ResellerSettingsArgs, ResellerSettingsView, ResellersView, ResolvePaymentArgs, ReviewPayment, ReviewPaymentsArgs, SavedFile, SecondFactorArgs, SecondFactorCodeArgs, SecondFactorEnabled, SecondFactorSetup, SecondFactorStatus, ServerArgs, SessionArgs, SessionInfo, SessionView, StartupView, StatementReport, StatementUpload, StreamArgs, SubscriberArgs, SubscriberPage, SubscriberQuery, SubscriberRow, SyncStatus, Upcoming, UpcomingArgs, UpdateProfileArgs, UpdateStatus };

export const commands = {
  startup: () => invoke<StartupView>("startup"),
  language: () => invoke<LanguageView>("language"),
  setLanguage: (args: LanguageArgs) => invoke<LanguageView>("set_language", { args }),
  listPackages: (args: ServerArgs) => invoke<Array<Package>>("list_packages", { args }),
  register: (args: RegisterArgs) => invoke<RegistrationResponse>("register", { args }),
  login: (args: LoginArgs) => invoke<SessionView>("login", { args }),
  forgetAccount: (args: ForgetAccountArgs) => invoke<boolean>("forget_account", { args }),
  requestRecovery: (args: RecoveryArgs) => invoke<RecoveryRequested>("request_recovery", { args }),
  recoverPassword: (args: RecoverPasswordArgs) => invoke<SessionView>("recover_password", { args }),
  secondFactorSignIn: (args: SecondFactorArgs) => invoke<SessionView>("second_factor_sign_in", { args }),
  secondFactor: () => invoke<SecondFactorStatus>("second_factor"),
  enrolSecondFactor: () => invoke<SecondFactorSetup>("enrol_second_factor"),
  confirmSecondFactor: (args: SecondFactorCodeArgs) => invoke<SecondFactorEnabled>("confirm_second_factor", { args }),
  disableSecondFactor: (args: SecondFactorCodeArgs) => invoke<SecondFactorStatus>("disable_second_factor", { args }),
  setDealerSecondFactor: (args: DealerSecondFactorArgs) => invoke<SecondFactorStatus>("set_dealer_second_factor", { args }),
  changePassword: (args: ChangePasswordArgs) => invoke<SessionView>("change_password", { args }),
  passwordStrength: (args: PasswordArgs) => invoke<PasswordStrength>("password_strength", { args }),
  checkForm: (args: FormArgs) => invoke<Array<FieldCheck>>("check_form", { args }),
  dashboard: () => invoke<Dashboard>("dashboard"),
  syncNow: () => invoke<SyncStatus>("sync_now"),
  resyncAll: () => invoke<SyncStatus>("resync_all"),
  updateProfile: (args: UpdateProfileArgs) => invoke<Dashboard>("update_profile", { args }),
  setNotificationPreferences: (args: NotificationPreferences) => invoke<Dashboard>("set_notification_preferences", { args }),
  discardRejected: (args: MutationArgs) => invoke<SyncStatus>("discard_rejected", { args }),
  logout: () => invoke<null>("logout"),
  sessions: () => invoke<Array<SessionInfo>>("sessions"),
  endSession: (args: SessionArgs) => invoke<Array<SessionInfo>>("end_session", { args }),
  endOtherSessions: () => invoke<Array<SessionInfo>>("end_other_sessions"),
  listDealers: (args: DealerQuery) => invoke<DealerPage>("list_dealers", { args }),
  addDealer: (args: AddDealerArgs) => invoke<DealerRow>("add_dealer", { args }),
  editDealer: (args: EditDealerArgs) => invoke<DealerRow>("edit_dealer", { args }),
  resetDealerPassword: (args: DealerPasswordArgs) => invoke<DealerRow>("reset_dealer_password", { args }),
  setDealerStatus: (args: DealerStatusArgs) => invoke<DealerRow>("set_dealer_status", { args }),
  deleteDealer: (args: DeleteDealerArgs) => invoke<null>("delete_dealer", { args }),
  resellers: () => invoke<ResellersView>("resellers"),
  answerRequest: (args: AnswerRequestArgs) => invoke<ResellersView>("answer_request", { args }),
  removeReseller: (args: RemoveResellerArgs) => invoke<ResellersView>("remove_reseller", { args }),
  exportDealers: (args: DealerQuery) => invoke<CsvExport>("export_dealers", { args }),
  listSubscribers: (args: SubscriberQuery) => invoke<SubscriberPage>("list_subscribers", { args }),
  addSubscriber: (args: AddSubscriberArgs) => invoke<SubscriberRow>("add_subscriber", { args }),
  editSubscriber: (args: EditSubscriberArgs) => invoke<SubscriberRow>("edit_subscriber", { args }),
  extendSubscriber: (args: ExtendSubscriberArgs) => invoke<SubscriberRow>("extend_subscriber", { args }),
  removeSubscriber: (args: SubscriberArgs) => invoke<null>("remove_subscriber", { args }),
  checkLineDays: (args: LineDaysArgs) => invoke<LineDays>("check_line_days", { args }),
  exportSubscribers: (args: SubscriberQuery) => invoke<CsvExport>("export_subscribers", { args }),
  partnerDirectory: () => invoke<Array<DirectoryRow>>("partner_directory"),
  myRequests: () => invoke<RequestsView>("my_requests"),
  requestPartner: (args: RequestPartnerArgs) => invoke<RequestsView>("request_partner", { args }),
  withdrawRequest: (args: RequestArgs) => invoke<RequestsView>("withdraw_request", { args }),
  partnerContent: (args: PartnerArgs) => invoke<ContentView>("partner_content", { args }),
  myContent: () => invoke<ContentView>("my_content"),
  addStream: (args: AddStreamArgs) => invoke<ContentView>("add_stream", { args }),
  removeStream: (args: StreamArgs) => invoke<ContentView>("remove_stream", { args }),
  resellerSettings: () => invoke<ResellerSettingsView>("reseller_settings"),
  updateResellerSettings: (args: ResellerSettingsArgs) => invoke<ResellerSettingsView>("update_reseller_settings", { args }),
  previewResellerSettings: (args: ResellerSettingsArgs) => invoke<DirectoryEntry | null>("preview_reseller_settings", { args }),
  auditLog: (args: AuditArgs) => invoke<Array<AuditEntry>>("audit_log", { args }),
  exportAudit: (args: AuditExportArgs) => invoke<CsvExport>("export_audit", { args }),
  billing: () => invoke<BillingView>("billing"),
  offeredPackages: () => invoke<Array<Package>>("offered_packages"),
  packageChoices: () => invoke<Array<PackageChoice>>("package_choices"),
  choosePackage: (args: ChangePackageArgs) => invoke<ChangePackageResponse>("choose_package", { args }),
  operatorPartners: (args: OperatorPartnersArgs) => invoke<Array<OperatorPartner>>("operator_partners", { args }),
  operatorPartner: (args: OperatorPartnerArgs) => invoke<OperatorPartnerDetail>("operator_partner", { args }),
  reviewPayments: (args: ReviewPaymentsArgs) => invoke<Array<ReviewPayment>>("review_payments", { args }),
  resolvePayment: (args: ResolvePaymentArgs) => invoke<ReviewPayment>("resolve_payment", { args }),
  registerPayment: (args: RegisterPayment) => invoke<RegisteredPayment>("register_payment", { args }),
  previewStatement: (args: StatementUpload) => invoke<StatementReport>("preview_statement", { args }),
  importStatement: (args: StatementUpload) => invoke<StatementReport>("import_statement", { args }),
  catalog: () => invoke<Array<CatalogPackage>>("catalog"),
  addPackage: (args: NewPackage) => invoke<CatalogPackage>("add_package", { args }),
  changePackageTerms: (args: PackageTermsArgs) => invoke<CatalogPackage>("change_package_terms", { args }),
  upcomingLifecycle: (args: UpcomingArgs) => invoke<Upcoming>("upcoming_lifecycle", { args }),
  runLifecycle: () => invoke<LifecycleRun>("run_lifecycle"),
  deliveries: (args: DeliveriesArgs) => invoke<Array<Delivery>>("deliveries", { args }),
  retryDelivery: (args: DeliveryArgs) => invoke<Delivery>("retry_delivery", { args }),
  exportPayments: (args: ReviewPaymentsArgs) => invoke<CsvExport>("export_payments", { args }),
  exportInvoices: (args: InvoiceExportArgs) => invoke<CsvExport>("export_invoices", { args }),
  saveInvoicePdf: (args: InvoiceArgs) => invoke<SavedFile>("save_invoice_pdf", { args }),
  updateStatus: () => invoke<UpdateStatus>("update_status"),
  checkForUpdate: () => invoke<UpdateStatus>("check_for_update"),
  installUpdate: () => invoke<UpdateStatus>("install_update"),
};

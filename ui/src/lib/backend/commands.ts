// Generated from crates/wpplay-desktop/src/commands.rs by its tests. Do not edit.
import { invoke } from "@tauri-apps/api/core";
import type { AddDealerArgs } from "./bindings/AddDealerArgs";
import type { AnswerRequestArgs } from "./bindings/AnswerRequestArgs";
import type { ChangePasswordArgs } from "./bindings/ChangePasswordArgs";
import type { Dashboard } from "./bindings/Dashboard";
import type { DealerPage } from "./bindings/DealerPage";
import type { DealerQuery } from "./bindings/DealerQuery";
import type { DealerRow } from "./bindings/DealerRow";
import type { DealerStatusArgs } from "./bindings/DealerStatusArgs";
import type { DeleteDealerArgs } from "./bindings/DeleteDealerArgs";
import type { EditDealerArgs } from "./bindings/EditDealerArgs";
import type { LoginArgs } from "./bindings/LoginArgs";
import type { MutationArgs } from "./bindings/MutationArgs";
import type { Package } from "./bindings/Package";
import type { PasswordArgs } from "./bindings/PasswordArgs";
import type { PasswordStrength } from "./bindings/PasswordStrength";
import type { RegisterArgs } from "./bindings/RegisterArgs";
import type { RegistrationResponse } from "./bindings/RegistrationResponse";
import type { RemoveResellerArgs } from "./bindings/RemoveResellerArgs";
import type { ResellersView } from "./bindings/ResellersView";
import type { ServerArgs } from "./bindings/ServerArgs";
import type { SessionView } from "./bindings/SessionView";
import type { StartupView } from "./bindings/StartupView";
import type { SyncStatus } from "./bindings/SyncStatus";
import type { UpdateProfileArgs } from "./bindings/UpdateProfileArgs";

export const commands = {
  startup: () => invoke<StartupView>("startup"),
  listPackages: (args: ServerArgs) => invoke<Array<Package>>("list_packages", { args }),
  register: (args: RegisterArgs) => invoke<RegistrationResponse>("register", { args }),
  login: (args: LoginArgs) => invoke<SessionView>("login", { args }),
  changePassword: (args: ChangePasswordArgs) => invoke<SessionView>("change_password", { args }),
  passwordStrength: (args: PasswordArgs) => invoke<PasswordStrength>("password_strength", { args }),
  dashboard: () => invoke<Dashboard>("dashboard"),
  syncNow: () => invoke<SyncStatus>("sync_now"),
  updateProfile: (args: UpdateProfileArgs) => invoke<Dashboard>("update_profile", { args }),
  discardRejected: (args: MutationArgs) => invoke<SyncStatus>("discard_rejected", { args }),
  logout: () => invoke<null>("logout"),
  listDealers: (args: DealerQuery) => invoke<DealerPage>("list_dealers", { args }),
  addDealer: (args: AddDealerArgs) => invoke<DealerRow>("add_dealer", { args }),
  editDealer: (args: EditDealerArgs) => invoke<DealerRow>("edit_dealer", { args }),
  setDealerStatus: (args: DealerStatusArgs) => invoke<DealerRow>("set_dealer_status", { args }),
  deleteDealer: (args: DeleteDealerArgs) => invoke<null>("delete_dealer", { args }),
  resellers: () => invoke<ResellersView>("resellers"),
  answerRequest: (args: AnswerRequestArgs) => invoke<ResellersView>("answer_request", { args }),
  removeReseller: (args: RemoveResellerArgs) => invoke<ResellersView>("remove_reseller", { args }),
};

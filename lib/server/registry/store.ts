/**
 * The model registry store, after MLflow's store/model_registry/abstract_store.py: a sibling of
 * the tracking store, bound to one workspace (a name from another workspace is "not found").
 */
import type { PagedList, SearchQuery } from "@/lib/server/search";
import type { KeyValue, ModelVersion, RegisteredModel, StageTransition } from "./entities";

export interface CreateRegisteredModelInput {
  name: string;
  tags?: readonly KeyValue[];
  description?: string;
}

export interface CreateModelVersionInput {
  name: string;
  /** `runs:/<run_id>/<path>`, `mlflow-artifacts:/…` or `models:/…`. */
  source: string;
  /** Default: the run of a `runs:/` source. Must be a run of this workspace. */
  runId?: string;
  tags?: readonly KeyValue[];
  runLink?: string;
  description?: string;
}

export interface RegistryStore {
  readonly workspaceId: string;

  /** RESOURCE_ALREADY_EXISTS when the name is taken. */
  createRegisteredModel(input: CreateRegisteredModelInput): Promise<RegisteredModel>;
  getRegisteredModel(name: string): Promise<RegisteredModel>;
  renameRegisteredModel(name: string, newName: string | undefined): Promise<RegisteredModel>;
  updateRegisteredModel(name: string, description: string | undefined): Promise<RegisteredModel>;
  /** Deletes the model with its versions, tags and aliases (MLflow deletes for good). */
  deleteRegisteredModel(name: string): Promise<void>;
  /** Default 100 per page, at most 1000; default order name ASC. */
  searchRegisteredModels(query?: SearchQuery): Promise<PagedList<RegisteredModel>>;
  /** The latest version of each requested stage (every stage when none is given). */
  getLatestVersions(name: string, stages?: readonly string[]): Promise<ModelVersion[]>;
  setRegisteredModelTag(name: string, tag: KeyValue): Promise<void>;
  deleteRegisteredModelTag(name: string, key: string): Promise<void>;
  setRegisteredModelAlias(name: string, alias: string, version: string): Promise<void>;
  deleteRegisteredModelAlias(name: string, alias: string): Promise<void>;
  getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion>;

  /** The next version number of the model (1, 2, …), stage None, status READY. */
  createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion>;
  getModelVersion(name: string, version: string): Promise<ModelVersion>;
  updateModelVersion(name: string, version: string, description: string | undefined): Promise<ModelVersion>;
  /** Soft delete: the version disappears from every read; its number is never reused. */
  deleteModelVersion(name: string, version: string): Promise<void>;
  /** Default 10 000 per page, at most 200 000; default order name ASC, version DESC. */
  searchModelVersions(query?: SearchQuery): Promise<PagedList<ModelVersion>>;
  /** With `archiveExisting`, the other versions in the target stage (Staging/Production) become Archived. */
  transitionModelVersionStage(name: string, version: string, stage: string, archiveExisting: boolean): Promise<ModelVersion>;
  setModelVersionTag(name: string, version: string, tag: KeyValue): Promise<void>;
  deleteModelVersionTag(name: string, version: string, key: string): Promise<void>;
  /** Where the version's files are, as an `mlflow-artifacts:` URI when this server holds them. */
  getModelVersionDownloadUri(name: string, version: string): Promise<string>;
  /** The version's stage changes, oldest first. */
  getStageTransitions(name: string, version: string): Promise<StageTransition[]>;
}

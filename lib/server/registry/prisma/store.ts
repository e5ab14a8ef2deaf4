/** The RegistryStore over Prisma, bound to one workspace. */
import type { PagedList, SearchQuery } from "@/lib/server/search";
import type { Db } from "@/lib/server/db";
import type { KeyValue, ModelVersion, RegisteredModel, StageTransition } from "../entities";
import type { CreateModelVersionInput, CreateRegisteredModelInput, RegistryStore } from "../store";
import * as models from "./models";
import { resolveArtifactUri } from "./resolve";
import * as search from "./search";
import * as versions from "./versions";

export class PrismaRegistryStore implements RegistryStore {
  constructor(
    private readonly db: Db,
    readonly workspaceId: string,
  ) {}

  createRegisteredModel(input: CreateRegisteredModelInput): Promise<RegisteredModel> {
    return models.createRegisteredModel(this.db, this.workspaceId, input);
  }

  getRegisteredModel(name: string): Promise<RegisteredModel> {
    return models.getRegisteredModel(this.db, this.workspaceId, name);
  }

  renameRegisteredModel(name: string, newName: string | undefined): Promise<RegisteredModel> {
    return models.renameRegisteredModel(this.db, this.workspaceId, name, newName);
  }

  updateRegisteredModel(name: string, description: string | undefined): Promise<RegisteredModel> {
    return models.updateRegisteredModel(this.db, this.workspaceId, name, description);
  }

  deleteRegisteredModel(name: string): Promise<void> {
    return models.deleteRegisteredModel(this.db, this.workspaceId, name);
  }

  searchRegisteredModels(query?: SearchQuery): Promise<PagedList<RegisteredModel>> {
    return search.searchRegisteredModels(this.db, this.workspaceId, query);
  }

  getLatestVersions(name: string, stages?: readonly string[]): Promise<ModelVersion[]> {
    return versions.getLatestVersions(this.db, this.workspaceId, name, stages);
  }

  setRegisteredModelTag(name: string, tag: KeyValue): Promise<void> {
    return models.setRegisteredModelTag(this.db, this.workspaceId, name, tag);
  }

  deleteRegisteredModelTag(name: string, key: string): Promise<void> {
    return models.deleteRegisteredModelTag(this.db, this.workspaceId, name, key);
  }

  setRegisteredModelAlias(name: string, alias: string, version: string): Promise<void> {
    return models.setRegisteredModelAlias(this.db, this.workspaceId, name, alias, version);
  }

  deleteRegisteredModelAlias(name: string, alias: string): Promise<void> {
    return models.deleteRegisteredModelAlias(this.db, this.workspaceId, name, alias);
  }

  getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion> {
    return versions.getModelVersionByAlias(this.db, this.workspaceId, name, alias);
  }

  createModelVersion(input: CreateModelVersionInput): Promise<ModelVersion> {
    return versions.createModelVersion(this.db, this.workspaceId, input);
  }

  getModelVersion(name: string, version: string): Promise<ModelVersion> {
    return versions.getModelVersion(this.db, this.workspaceId, name, version);
  }

  updateModelVersion(name: string, version: string, description: string | undefined): Promise<ModelVersion> {
    return versions.updateModelVersion(this.db, this.workspaceId, name, version, description);
  }

  deleteModelVersion(name: string, version: string): Promise<void> {
    return versions.deleteModelVersion(this.db, this.workspaceId, name, version);
  }

  searchModelVersions(query?: SearchQuery): Promise<PagedList<ModelVersion>> {
    return search.searchModelVersions(this.db, this.workspaceId, query);
  }

  transitionModelVersionStage(name: string, version: string, stage: string, archiveExisting: boolean): Promise<ModelVersion> {
    return versions.transitionModelVersionStage(this.db, this.workspaceId, name, version, stage, archiveExisting);
  }

  setModelVersionTag(name: string, version: string, tag: KeyValue): Promise<void> {
    return versions.setModelVersionTag(this.db, this.workspaceId, name, version, tag);
  }

  deleteModelVersionTag(name: string, version: string, key: string): Promise<void> {
    return versions.deleteModelVersionTag(this.db, this.workspaceId, name, version, key);
  }

  async getModelVersionDownloadUri(name: string, version: string): Promise<string> {
    const found = await versions.getModelVersion(this.db, this.workspaceId, name, version);
    return resolveArtifactUri(this.db, this.workspaceId, found.source);
  }

  getStageTransitions(name: string, version: string): Promise<StageTransition[]> {
    return versions.getStageTransitions(this.db, this.workspaceId, name, version);
  }
}

import { describe, expect, it } from "vitest";
import { frenchMessageFor } from "./french-messages";

describe("frenchMessageFor", () => {
  it("translates MLflow's changed-param messages, single and batch", () => {
    const single =
      "Changing param values is not allowed. Param with key='alpha' was already logged with value='0.5' for run ID='abc'. Attempted logging new value '0.3'.";
    const batch =
      "Changing param values is not allowed. Params were already logged='[{'key': 'alpha', 'old_value': '0.5', 'new_value': '0.3'}]' for run ID='abc'.";
    for (const message of [single, batch]) {
      expect(frenchMessageFor("INVALID_PARAMETER_VALUE", message)).toMatch(/^Le paramètre alpha a déjà la valeur 0.5 dans ce run : impossible de le changer en 0.3/);
    }
  });

  it("falls back to a French sentence around MLflow's own message", () => {
    expect(frenchMessageFor("BAD_REQUEST", "Something odd")).toBe("Requête refusée par le serveur de suivi : Something odd");
    expect(frenchMessageFor("WEIRD", "x")).toBe("Le serveur de suivi a refusé la requête : x");
  });

  it("translates the registry's messages", () => {
    expect(frenchMessageFor("RESOURCE_DOES_NOT_EXIST", "Registered Model with name=vin not found")).toBe("Aucun modèle ne s'appelle « vin » dans le registre");
    expect(frenchMessageFor("RESOURCE_DOES_NOT_EXIST", "Model Version (name=vin, version=3) not found")).toBe("Le modèle « vin » n'a pas de version 3");
    expect(frenchMessageFor("RESOURCE_DOES_NOT_EXIST", "Registered model alias champion not found.")).toBe("L'alias « champion » n'existe pas pour ce modèle");
  });

  it("translates the server's size limits", () => {
    expect(frenchMessageFor("INVALID_PARAMETER_VALUE", "Request bodies must be at most 1048576 bytes, got a request of size 5000000.")).toBe(
      "La requête dépasse la taille maximale acceptée par le serveur de suivi (1 Mo) : envoyez moins de données à la fois",
    );
    expect(
      frenchMessageFor(
        "INVALID_PARAMETER_VALUE",
        "A request to create an experiment can contain at most 100 tags. Got 50000 tags. Please set the other tags with separate requests once it is created.",
      ),
    ).toBe("Trop de tags à la création d'une expérience : 100 au plus, 50000 reçus. Ajoutez les autres ensuite, un appel chacun");
    expect(frenchMessageFor("INVALID_PARAMETER_VALUE", "Artifact file '1/abc/artifacts/plot.png' is larger than the limit of 52428800 bytes per file.")).toBe(
      "L'artefact « plot.png » dépasse la taille maximale d'un fichier d'artefact sur ce serveur (50 Mo) : enregistrez un fichier plus petit",
    );
  });
});

/**
 * French renderings of the MLflow server messages learners meet most often.
 *
 * The server keeps MLflow's English messages (real MLflow clients may parse them); the SDK
 * translates the known ones and falls back to a generic French sentence around the original.
 */

type Translation = { pattern: RegExp; render: (match: RegExpExecArray) => string };

/** A byte count as a learner reads it: `50 Mo`, `1,5 Ko`, `800 octets`. */
export function frenchBytes(text: string): string {
  const bytes = Number(text);
  const units: [number, string][] = [[1024 * 1024 * 1024, "Go"], [1024 * 1024, "Mo"], [1024, "Ko"]];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${(bytes / size).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} ${unit}`;
  }
  return `${bytes} octets`;
}

/** An artifact's storage path (`<experiment>/<run>/artifacts/model/x.json`) as the run knows it (`model/x.json`). */
function runArtifactPath(storagePath: string): string {
  return /^[^/]+\/[^/]+\/artifacts\/(.+)$/.exec(storagePath)?.[1] ?? storagePath;
}

const TRANSLATIONS: Translation[] = [
  {
    pattern: /Changing param values is not allowed\. Param with key='([^']*)' was already logged with value='([^']*)'.*?Attempted logging new value '([^']*)'/s,
    render: (m) =>
      `Le paramètre ${m[1]} a déjà la valeur ${m[2]} dans ce run : impossible de le changer en ${m[3]}. Un paramètre ne change pas une fois loggé ; démarrez un nouveau run pour essayer une autre valeur`,
  },
  {
    // log-batch's form, listing every changed param.
    pattern: /Changing param values is not allowed\. Params were already logged='\[\{'key': '([^']*)', 'old_value': '([^']*)', 'new_value': '([^']*)'/s,
    render: (m) =>
      `Le paramètre ${m[1]} a déjà la valeur ${m[2]} dans ce run : impossible de le changer en ${m[3]}. Un paramètre ne change pas une fois loggé ; démarrez un nouveau run pour essayer une autre valeur`,
  },
  {
    pattern: /Experiment(?: with name)? '([^']*)' already exists/,
    render: (m) => `L'expérience « ${m[1]} » existe déjà`,
  },
  {
    pattern: /No Experiment with id=(\S+) exists|Could not find experiment with ID (\S+)/,
    render: (m) => `Aucune expérience ne porte l'identifiant ${m[1] ?? m[2]}`,
  },
  {
    pattern: /Could not find experiment with name '?([^']*?)'?$|Experiment '([^']*)' does not exist/,
    render: (m) => `Aucune expérience ne s'appelle « ${m[1] ?? m[2]} »`,
  },
  {
    pattern: /Run (?:with id=)?'?([0-9a-f]{32})'? not found/,
    render: (m) => `Le run ${m[1]} est introuvable`,
  },
  {
    pattern: /Registered Model with name=(.+) not found/,
    render: (m) => `Aucun modèle ne s'appelle « ${m[1]} » dans le registre`,
  },
  {
    pattern: /Registered Model \(name=(.+)\) already exists/,
    render: (m) => `Le modèle « ${m[1]} » existe déjà dans le registre`,
  },
  {
    pattern: /Model Version \(name=(.+), version=(\S+)\) not found/,
    render: (m) => `Le modèle « ${m[1]} » n'a pas de version ${m[2]}`,
  },
  {
    pattern: /Registered model alias (\S+) not found/,
    render: (m) => `L'alias « ${m[1]} » n'existe pas pour ce modèle`,
  },
  {
    pattern: /No versions of model with name '([^']*)'(.*) found/,
    render: (m) => `Aucune version du modèle « ${m[1]} »${m[2] ? ` ${m[2].trim()}` : ""} n'a été trouvée`,
  },
  {
    pattern: /Artifact file '([^']*)' is larger than the limit of (\d+) bytes per file/,
    render: (m) =>
      `L'artefact « ${runArtifactPath(m[1] ?? "")} » dépasse la taille maximale d'un fichier d'artefact sur ce serveur (${frenchBytes(m[2] ?? "")}) : enregistrez un fichier plus petit`,
  },
  {
    pattern: /Artifact file '([^']*)' does not fit in this workspace's artifact quota of (\d+) bytes \((\d+) bytes already used\)/,
    render: (m) =>
      `L'artefact « ${runArtifactPath(m[1] ?? "")} » ne tient plus dans l'espace réservé aux artefacts de votre espace de travail ` +
      `(${frenchBytes(m[2] ?? "")}, dont ${frenchBytes(m[3] ?? "")} déjà utilisés) : supprimez les runs ou les artefacts dont vous n'avez plus besoin`,
  },
  {
    pattern: /Request bodies must be at most (\d+) bytes/,
    render: (m) => `La requête dépasse la taille maximale acceptée par le serveur de suivi (${frenchBytes(m[1] ?? "")}) : envoyez moins de données à la fois`,
  },
  {
    pattern: /A request to create an? (experiment|run|registered model|model version) can contain at most (\d+) tags\. Got (\d+) tags/,
    render: (m) =>
      `Trop de tags à la création ${CREATED_ENTITY[m[1] ?? ""] ?? ""} : ${m[2]} au plus, ${m[3]} reçus. Ajoutez les autres ensuite, un appel chacun`,
  },
  {
    pattern: /deleted experiment/i,
    render: () => "Cette expérience est supprimée : restaurez-la ou choisissez-en une autre avant d'y créer des runs",
  },
];

const CREATED_ENTITY: Record<string, string> = {
  experiment: "d'une expérience",
  run: "d'un run",
  "registered model": "d'un modèle",
  "model version": "d'une version de modèle",
};

const GENERIC_BY_CODE: Record<string, string> = {
  RESOURCE_DOES_NOT_EXIST: "Ressource introuvable sur le serveur de suivi",
  RESOURCE_ALREADY_EXISTS: "Cette ressource existe déjà sur le serveur de suivi",
  INVALID_PARAMETER_VALUE: "Valeur refusée par le serveur de suivi",
  BAD_REQUEST: "Requête refusée par le serveur de suivi",
  ENDPOINT_NOT_FOUND: "Ce point d'accès n'existe pas sur le serveur de suivi",
  INTERNAL_ERROR: "Erreur interne du serveur de suivi",
  RESOURCE_EXHAUSTED: "Limite atteinte sur le serveur de suivi",
  TEMPORARILY_UNAVAILABLE: "Serveur de suivi momentanément saturé, rien n'a été écrit : réessayez dans un instant",
};

export function frenchMessageFor(errorCode: string, serverMessage: string): string {
  for (const { pattern, render } of TRANSLATIONS) {
    const match = pattern.exec(serverMessage);
    if (match) return render(match);
  }
  const generic = GENERIC_BY_CODE[errorCode] ?? "Le serveur de suivi a refusé la requête";
  return `${generic} : ${serverMessage}`;
}

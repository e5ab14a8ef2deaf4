/**
 * Random run names in MLflow's style (mlflow/utils/name_utils.py): `<adjective>-<animal>-<0..999>`,
 * e.g. `sunny-otter-42`. Our own word lists; only the shape matters to learners.
 */
import { randomInt } from "node:crypto";

const ADJECTIVES = [
  "agile", "amazing", "bold", "brave", "bright", "calm", "capable", "charming", "clever", "colorful",
  "crisp", "curious", "daring", "dapper", "eager", "elegant", "fearless", "fluffy", "gentle", "gifted",
  "glamorous", "graceful", "handsome", "happy", "honest", "hopeful", "jolly", "kind", "lively", "loyal",
  "lucky", "magnificent", "merry", "mighty", "modest", "nimble", "noble", "patient", "peaceful", "playful",
  "polite", "proud", "quick", "quiet", "rare", "resilient", "rustic", "serene", "shy", "silent",
  "sleek", "smiling", "sneaky", "sparkling", "spirited", "stately", "sunny", "swift", "tender", "thoughtful",
  "tidy", "upbeat", "valiant", "vibrant", "victorious", "vivid", "warm", "whimsical", "wise", "witty",
  "zealous", "zesty",
] as const;

const ANIMALS = [
  "ant", "badger", "bat", "bear", "bee", "bison", "boar", "bug", "camel", "carp",
  "cat", "chimp", "cod", "colt", "crab", "crane", "cow", "deer", "dog", "donkey",
  "dove", "duck", "eagle", "eel", "elk", "falcon", "finch", "fish", "fox", "frog",
  "gnat", "goat", "goose", "gull", "hare", "hawk", "hen", "heron", "horse", "hound",
  "ibis", "jay", "kite", "koala", "lamb", "lark", "lion", "lynx", "mole", "moose",
  "moth", "mouse", "mule", "newt", "owl", "ox", "panda", "pig", "pony", "quail",
  "ram", "rat", "robin", "seal", "shark", "sheep", "shrew", "slug", "snail", "snake",
  "squid", "stag", "stork", "swan", "toad", "trout", "turtle", "vole", "wasp", "whale",
  "wolf", "worm", "wren", "yak", "zebra",
] as const;

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)] as T;
}

export function generateRunName(): string {
  return `${pick(ADJECTIVES)}-${pick(ANIMALS)}-${randomInt(1000)}`;
}

import { check as bloc0 } from "@/content/blocs/00-installer-et-demarrer/check";
import { check as bloc1 } from "@/content/blocs/01-premiere-experience/check";
import type { BlocCheck } from "./check";

/**
 * Each written bloc's check, by number. Static imports so that the bundler sees every check;
 * a test fails if a written bloc has no entry here or an entry has no bloc.
 */
export const CHECKS: Readonly<Record<number, BlocCheck>> = {
  0: bloc0,
  1: bloc1,
};

// The people area's calls: the directory and each person in it.
import type { Directory, PeopleQuery, Person, PersonDraft, PersonId, PersonRow, SaveOptions, VendorId } from "../bindings";
import { call, commands } from "../ipc";

/** The directory filtered as `query` says, by name, with its departments. */
export const listPeople = (query: PeopleQuery): Promise<Directory> => call(commands.listPeople(query));

/** One person, with the name of the vendor they work for. */
export const getPerson = (id: PersonId): Promise<PersonRow> => call(commands.getPerson(id));

/** Adds someone to the directory. */
export const createPerson = (draft: PersonDraft, save: SaveOptions): Promise<Person> => call(commands.createPerson(draft, save));

/** Replaces a person's fields. */
export const updatePerson = (id: PersonId, draft: PersonDraft, save: SaveOptions): Promise<Person> =>
  call(commands.updatePerson(id, draft, save));

/** Removes someone from the directory. */
export const deletePerson = (id: PersonId): Promise<null> => call(commands.deletePerson(id));

/** The people who work for a vendor, by name. */
export const vendorPeople = (vendor: VendorId): Promise<Person[]> => call(commands.vendorPeople(vendor));

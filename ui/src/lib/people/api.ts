// The people area's calls: the directory and each person in it.
import type { Directory, DirectoryFilters, PeopleQuery, Person, PersonDetail, PersonDraft, PersonId, SaveOptions, VendorId } from "../bindings";
import { call, commands } from "../ipc";

/** The directory filtered as `query` says, by name: every row from the
 *  query's offset, or a page of `limit` rows. */
export const listPeople = (query: PeopleQuery): Promise<Directory> => call(commands.listPeople(query));

/** The departments, vendors and tags the directory's filters offer. */
export const directoryFilters = (): Promise<DirectoryFilters> => call(commands.directoryFilters());

/** One person, with the vendor they work for and everything naming them. */
export const getPerson = (id: PersonId): Promise<PersonDetail> => call(commands.getPerson(id));

/** Everyone in the directory by name, as a picker offers them. */
export const directoryNames = async (): Promise<{ id: PersonId; name: string }[]> =>
  (await listPeople({ text: "", kinds: [], vendor: null, department: null, tag: null })).people.map((r) => ({
    id: r.person.id,
    name: r.person.fields.name,
  }));

/** Adds someone to the directory. */
export const createPerson = (draft: PersonDraft, save: SaveOptions): Promise<Person> => call(commands.createPerson(draft, save));

/** Replaces a person's fields. */
export const updatePerson = (id: PersonId, draft: PersonDraft, save: SaveOptions): Promise<Person> =>
  call(commands.updatePerson(id, draft, save));

/** Removes someone from the directory. */
export const deletePerson = (id: PersonId): Promise<null> => call(commands.deletePerson(id));

/** Names `by` wherever `id` is named, then removes `id`, in one go; how many records changed. */
export const replacePerson = (id: PersonId, by: PersonId): Promise<number> => call(commands.replacePerson(id, by));

/** The people who work for a vendor, by name. */
export const vendorPeople = (vendor: VendorId): Promise<Person[]> => call(commands.vendorPeople(vendor));

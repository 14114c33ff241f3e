// The parts of datapackage-js (frictionlessdata/datapackage-js, no bundled types) the tests use.
declare module "datapackage" {
  export interface Resource {
    name: string;
    read(options?: { relations?: boolean; keyed?: boolean; cast?: boolean }): Promise<unknown[]>;
    checkRelations(): Promise<true>;
    schema: { fields: { name: string; descriptor: { description?: string } }[] };
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    valid: boolean;
    errors: Error[];
    descriptor: Record<string, unknown>;
    resources: Resource[];
    getResource(name: string): Resource | null;
  }
}

import { Outlet } from './outlet.entity';
import { OutletDomain } from './outlet-domain.entity';

export const OUTLET_ENTITIES = [Outlet, OutletDomain];

// A 30-field nested type (30 leaves in 5 nested objects and an array of objects), for the bytes
// rows: how much code a guard for a type of that size is.
export interface Address {
  street: string;
  city: string;
  zip: string;
  country: string;
}

export interface Order {
  id: string;
  number: number;
  status: 'pending' | 'paid' | 'shipped' | 'cancelled';
  createdAt: number;
  note: string;
  customer: {
    id: string;
    name: string;
    email: string;
    phone: string;
    vip: boolean;
    address: Address;
  };
  shipping: {
    method: 'standard' | 'express';
    cost: number;
    address: Address;
  };
  items: Array<{ sku: string; name: string; quantity: number; price: number }>;
  totals: { subtotal: number; tax: number; shipping: number; total: number; currency: string };
}
